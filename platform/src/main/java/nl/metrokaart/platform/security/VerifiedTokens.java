package nl.metrokaart.platform.security;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already verified (signature, issuer, audience, expiry) with what their verification produced,
 * keyed by the whole token string, each kept only until the token's own {@code exp}: from that millisecond on it
 * is gone and the token is verified again (and refused, since it has expired). At most {@code maxEntries} tokens
 * are kept; a full cache first drops the expired ones, then arbitrary others.
 *
 * @param <V> what a verification produced (a security identity)
 */
public final class VerifiedTokens<V> {

    private record Entry<V>(V verified, long expiresAtMillis) {
    }

    private final int maxEntries;
    private final LongSupplier nowMillis;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    public VerifiedTokens(int maxEntries, LongSupplier nowMillis) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.nowMillis = nowMillis;
    }

    /** What the verification of exactly this token produced, or null when it is unknown or has expired. */
    public V get(String token) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis.getAsLong() >= entry.expiresAtMillis) {
            entries.remove(token, entry);
            return null;
        }
        return entry.verified;
    }

    /**
     * Remembers a verified token until {@code expiresAtEpochSecond} (its {@code exp} claim: the token is no longer
     * accepted from that second on). A token already expired is not kept.
     */
    public void put(String token, V verified, long expiresAtEpochSecond) {
        long expiresAtMillis = Math.multiplyExact(expiresAtEpochSecond, 1000L);
        long now = nowMillis.getAsLong();
        if (now >= expiresAtMillis) {
            return;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(token)) {
            makeRoom(now);
        }
        entries.put(token, new Entry<>(verified, expiresAtMillis));
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now >= entry.expiresAtMillis);
        Iterator<String> tokens = entries.keySet().iterator();
        while (entries.size() >= maxEntries && tokens.hasNext()) {
            tokens.next();
            tokens.remove();
        }
    }
}
