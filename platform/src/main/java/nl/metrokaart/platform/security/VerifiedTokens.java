package nl.metrokaart.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already verified (signature, issuer, audience, expiry) with what their verification produced,
 * keyed by the whole token string, each kept only until the token's own {@code exp}: from that millisecond on it
 * is gone and the token is verified again (and refused, since it has expired). A Caffeine cache of at most
 * {@code maxEntries} tokens, each expiring at its {@code exp}; a full cache first drops the tokens that have
 * expired (Caffeine's timer wheel, to within about a second), then those its size policy (W-TinyLFU) values least.
 *
 * @param <V> what a verification produced (a security identity)
 */
public final class VerifiedTokens<V> {

    private record Entry<V>(V verified, long expiresAtNanos) {
    }

    private final Ticker ticker;
    private final Cache<String, Entry<V>> entries;

    /** {@code nowMillis}: the clock {@code exp} is checked against (epoch milliseconds), also Caffeine's ticker. */
    public VerifiedTokens(int maxEntries, LongSupplier nowMillis) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.ticker = () -> TimeUnit.MILLISECONDS.toNanos(nowMillis.getAsLong());
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilExp<V>())
                .ticker(ticker)
                // Evictions run in the writing thread, at each write, not later on a pool thread: the bound holds.
                .executor(Runnable::run)
                .build();
    }

    /** What the verification of exactly this token produced, or null when it is unknown or has expired. */
    public V get(String token) {
        Entry<V> entry = entries.getIfPresent(token);
        if (entry == null) {
            // Caffeine no longer returns an expired entry but may hold it until its timer-wheel bucket comes round
            // (about a second); asked for, it goes now. A live entry another thread has just put stays.
            entries.asMap().compute(token, (key, live) -> live);
            return null;
        }
        return entry.verified();
    }

    /**
     * Remembers a verified token until {@code expiresAtEpochSecond} (its {@code exp} claim: the token is no longer
     * accepted from that second on). A token already expired is not kept.
     */
    public void put(String token, V verified, long expiresAtEpochSecond) {
        long expiresAtNanos = TimeUnit.SECONDS.toNanos(expiresAtEpochSecond);
        if (ticker.read() >= expiresAtNanos) {
            return;
        }
        entries.put(token, new Entry<>(verified, expiresAtNanos));
    }

    public int size() {
        return Math.toIntExact(entries.estimatedSize());
    }

    /** Each entry expires at its token's exp, however it was written or read; never later. */
    private static final class UntilExp<V> implements Expiry<String, Entry<V>> {

        @Override
        public long expireAfterCreate(String token, Entry<V> entry, long currentTime) {
            return Math.max(0, entry.expiresAtNanos() - currentTime);
        }

        @Override
        public long expireAfterUpdate(String token, Entry<V> entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Entry<V> entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
