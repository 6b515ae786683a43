package nl.metrokaart.newsletter.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard, with a resolver of our own: no name is looked up and nothing is connected to. */
class CallbackGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.nl", "93.184.216.34",
            "rebound.example.nl", "127.0.0.1",
            "metadata.example.nl", "169.254.169.254",
            "mixed.example.nl", "93.184.216.34,10.1.2.3",
            "v6.example.nl", "2001:db8:85a3::8a2e:370:7334");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String listed = DNS.get(host);
        if (listed == null) {
            // Literal addresses parse without a lookup; names we do not know do not resolve.
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        String[] parts = listed.split(",");
        InetAddress[] addresses = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(parts[i]).getAddress());
        }
        return addresses;
    }

    private final CallbackGuard strict = new CallbackGuard(false, CallbackGuardTest::resolve);
    private final CallbackGuard lenient = new CallbackGuard(true, CallbackGuardTest::resolve);

    private String refusal(String url) {
        return assertThrows(CallbackGuard.RefusedCallback.class, () -> strict.check(url)).getMessage();
    }

    @Test
    void publicHttpsAndHttpUrlsAreAccepted() throws Exception {
        assertEquals("https://hooks.example.nl/metrokaart?x=1", strict.check("https://hooks.example.nl/metrokaart?x=1").toString());
        assertEquals("http", strict.check("http://hooks.example.nl:8080/in").getScheme());
        assertEquals("https", strict.check("https://93.184.216.34/in").getScheme());
        assertEquals("https", strict.check("https://v6.example.nl/in").getScheme());
        assertEquals("https", strict.check("https://[2606:4700::1111]/in").getScheme());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://127.1.2.3:8080/hook", "http://[::1]/hook",
            "https://rebound.example.nl/hook", "http://[::ffff:127.0.0.1]/hook"})
    void loopbackIsRefused(String url) {
        assertTrue(refusal(url).contains("loopback"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.254/",
            "http://192.168.1.10/", "http://[fc00::1]/", "http://[fd12:3456:789a::1]/", "https://mixed.example.nl/"})
    void privateAddressesAreRefused(String url) {
        assertTrue(refusal(url).contains("private"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "https://metadata.example.nl/",
            "http://169.254.0.1/", "http://[fe80::1]/"})
    void linkLocalAndCloudMetadataAreRefused(String url) {
        assertTrue(refusal(url).contains("link-local"), url);
    }

    @Test
    void otherSpecialRangesAreRefused() {
        assertTrue(refusal("http://0.0.0.0/").contains("any-local"));
        assertTrue(refusal("http://[::]/").contains("any-local"));
        assertTrue(refusal("http://224.0.0.1/").contains("multicast"));
        assertTrue(refusal("http://[ff02::1]/").contains("multicast"));
        assertTrue(refusal("http://100.64.0.1/").contains("carrier-grade NAT"));
        assertTrue(refusal("http://100.127.255.254/").contains("carrier-grade NAT"));
        assertTrue(refusal("http://0.1.2.3/").contains("this network"));
        assertTrue(refusal("http://255.255.255.255/").contains("broadcast"));
        assertTrue(refusal("http://198.18.0.1/").contains("benchmarking"));
        assertTrue(refusal("http://[64:ff9b::a00:1]/").contains("embedding a private"));
        assertTrue(refusal("http://[2002:7f00:1::]/").contains("embedding a loopback"));
    }

    @Test
    void rangeEdgesJustOutsideArePublic() throws Exception {
        for (String address : new String[] {"100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
                "11.0.0.1", "192.169.0.1", "169.255.0.1"}) {
            assertEquals(address, strict.check("http://" + address + "/").getHost());
        }
    }

    @Test
    void wrongFormsAreRefusedWhateverTheConfiguration() {
        for (CallbackGuard guard : new CallbackGuard[] {strict, lenient}) {
            assertEquals("must be an https or http URL",
                    assertThrows(CallbackGuard.RefusedCallback.class, () -> guard.check("ftp://hooks.example.nl/")).getMessage());
            assertEquals("must be an https or http URL",
                    assertThrows(CallbackGuard.RefusedCallback.class, () -> guard.check("file:///etc/passwd")).getMessage());
            assertEquals("must be an https or http URL",
                    assertThrows(CallbackGuard.RefusedCallback.class, () -> guard.check("hooks.example.nl/x")).getMessage());
            assertEquals("must not contain user information",
                    assertThrows(CallbackGuard.RefusedCallback.class, () -> guard.check("https://user:pw@hooks.example.nl/")).getMessage());
            assertEquals("is not a valid URL",
                    assertThrows(CallbackGuard.RefusedCallback.class, () -> guard.check("https://hooks example/")).getMessage());
            assertEquals("must not contain a fragment",
                    assertThrows(CallbackGuard.RefusedCallback.class, () -> guard.check("https://hooks.example.nl/#x")).getMessage());
        }
    }

    @Test
    void unresolvableHostsAreRefused() {
        assertTrue(refusal("https://nowhere.invalid/").contains("cannot be resolved"));
    }

    @Test
    void privateAddressesPassWhenExplicitlyAllowed() throws Exception {
        assertEquals("127.0.0.1", lenient.check("http://127.0.0.1:8080/hook").getHost());
        assertEquals("10.0.0.1", lenient.check("http://10.0.0.1/hook").getHost());
    }
}
