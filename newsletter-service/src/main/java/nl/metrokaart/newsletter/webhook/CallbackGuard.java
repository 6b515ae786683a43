package nl.metrokaart.newsletter.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nl.metrokaart.newsletter.text.ProblemMessages;

/**
 * Server-side request forgery guard for callback URLs: only http(s) URLs without user-info, whose host resolves
 * only to public addresses. Loopback, private (RFC 1918, fc00::/7), link-local (incl. the cloud metadata address
 * 169.254.169.254), any-local, multicast, shared/CGNAT (100.64.0.0/10) and other special ranges are refused,
 * unless private addresses are explicitly allowed (tests, the local stack). Checked at registration and again
 * before each delivery, since what a name resolves to may change.
 */
public final class CallbackGuard {

    /** Resolves a host name to all its addresses; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public CallbackGuard(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    public CallbackGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, InetAddress::getAllByName);
    }

    /** The URL, parsed, if its form is acceptable; otherwise why not (a reason for invalidParams). */
    public static URI parse(String url) throws RefusedCallback {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedCallback("is not a valid URL", ProblemMessages::callbackNotAUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedCallback("must be an https or http URL", ProblemMessages::callbackScheme);
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new RefusedCallback("must not contain user information", ProblemMessages::callbackUserInfo);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedCallback("must name a host", ProblemMessages::callbackHost);
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedCallback("must not contain a fragment", ProblemMessages::callbackFragment);
        }
        return uri;
    }

    /** A callback URL and the vetted address to connect to for it. */
    public record Target(URI uri, InetAddress address) {
    }

    /** Refuses a URL whose form is wrong or whose host resolves to an address deliveries may not go to. */
    public URI check(String url) throws RefusedCallback {
        URI uri = parse(url);
        if (!allowPrivateAddresses) {
            vettedAddress(uri);
        }
        return uri;
    }

    /**
     * Like {@link #check}, and the address the host resolved to, checked. The sender connects to exactly this
     * address instead of resolving the name again, so a name that resolves to a public address for the check
     * and to an internal one a moment later (DNS rebinding) cannot redirect the delivery.
     */
    public Target target(String url) throws RefusedCallback {
        URI uri = parse(url);
        return new Target(uri, vettedAddress(uri));
    }

    private InetAddress vettedAddress(URI uri) throws RefusedCallback {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedCallback("names a host that cannot be resolved", ProblemMessages::callbackUnresolvable);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedCallback("names a host that cannot be resolved", ProblemMessages::callbackUnresolvable);
        }
        if (!allowPrivateAddresses) {
            // Every address must be public: whichever one is used, and a name should not mix them.
            for (InetAddress address : addresses) {
                Optional<String> refusal = refusal(address);
                if (refusal.isPresent()) {
                    String resolved = address.getHostAddress();
                    throw new RefusedCallback("resolves to " + resolved + ", " + refusal.get()
                            + "; deliveries only go to public addresses",
                            texts -> texts.callbackNotPublic(resolved, refusal.get()));
                }
            }
        }
        return addresses[0];
    }

    /** Why an address is not public, or empty when it is. */
    public static Optional<String> refusal(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an any-local address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("in 0.0.0.0/8 (this network)");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("an IETF protocol assignment address");
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return Optional.of("a benchmarking address");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique local (private) address");
        }
        // Addresses that carry an IPv4 address: IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16).
        if (allZero(b, 0, 12)) {
            return embedded(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            return embedded(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(Arrays.copyOfRange(b, 2, 6));
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] ipv4) {
        try {
            return refusal(InetAddress.getByAddress(ipv4)).map(reason -> "an IPv6 address embedding " + reason);
        } catch (UnknownHostException e) {
            return Optional.of("an unreadable address");
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A callback URL that deliveries may not go to, with the reason (completes "callbackUrl ..."): in English as
     * the message (the delivery log's outcome), and in a person's language for a refusal of the registration.
     */
    public static final class RefusedCallback extends Exception {
        private final transient Function<ProblemMessages, String> localized;

        public RefusedCallback(String reason, Function<ProblemMessages, String> localized) {
            super(reason, null, false, false);
            this.localized = localized;
        }

        public String reason(ProblemMessages texts) {
            return localized.apply(texts);
        }
    }
}
