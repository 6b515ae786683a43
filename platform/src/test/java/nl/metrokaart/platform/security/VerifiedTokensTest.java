package nl.metrokaart.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A verified token is known until the millisecond its exp begins, by its whole string, and the cache stays bounded. */
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Test
    void aTokenIsKnownUntilItsExpAndNeverFromThatMillisecondOn() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        long exp = now.get() / 1000 + 60;
        tokens.put("header.claims.signature", "alice", exp);
        assertEquals("alice", tokens.get("header.claims.signature"));
        now.set(exp * 1000 - 1);
        assertEquals("alice", tokens.get("header.claims.signature"), "still valid one millisecond before exp");
        now.set(exp * 1000);
        assertNull(tokens.get("header.claims.signature"), "expired at exp");
        assertEquals(0, tokens.size(), "an expired token is dropped when it is asked for");
    }

    @Test
    void anExpiredTokenAskedForIsDroppedAtOnceEvenRightAfterTheCacheCleanedUp() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        long exp = now.get() / 1000 + 60;
        tokens.put("header.claims.signature", "alice", exp);
        now.set(exp * 1000 - 1);
        // A write runs the cache's own clean-up; one millisecond later nothing of it has come round again.
        tokens.put("other", "bob", exp + 60);
        now.set(exp * 1000);
        assertNull(tokens.get("header.claims.signature"), "expired at exp");
        assertEquals(1, tokens.size(), "the expired token is dropped when it is asked for, the other one kept");
        assertEquals("bob", tokens.get("other"));
    }

    @Test
    void anExpiredTokenIsNotKept() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        tokens.put("expired", "alice", now.get() / 1000);
        tokens.put("long-expired", "alice", now.get() / 1000 - 3600);
        assertNull(tokens.get("expired"));
        assertNull(tokens.get("long-expired"));
        assertEquals(0, tokens.size());
    }

    @Test
    void onlyTheWholeTokenStringFindsIt() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, now::get);
        long exp = now.get() / 1000 + 60;
        tokens.put("header.claims.signature", "alice", exp);
        assertNull(tokens.get("header.claims.signaturf"), "another signature over the same claims");
        assertNull(tokens.get("header.claims.signatur"));
        assertNull(tokens.get("header.claims.signature "));
        assertNull(tokens.get("header.claims"));
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndNeverGrowsBeyondItsBound() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(3, now::get);
        long soon = now.get() / 1000 + 10;
        long later = now.get() / 1000 + 600;
        tokens.put("soon", "a", soon);
        tokens.put("later-1", "b", later);
        tokens.put("later-2", "c", later);
        now.set(soon * 1000);
        tokens.put("later-3", "d", later);
        assertEquals(3, tokens.size());
        assertEquals("b", tokens.get("later-1"), "the expired token made room, not a valid one");
        assertEquals("c", tokens.get("later-2"));
        assertEquals("d", tokens.get("later-3"));
        for (int i = 0; i < 100; i++) {
            tokens.put("more-" + i, "e", later);
            assertTrue(tokens.size() <= 3, "bounded: " + tokens.size());
        }
        assertEquals("e", tokens.get("more-99"), "the newest token is kept");
    }
}
