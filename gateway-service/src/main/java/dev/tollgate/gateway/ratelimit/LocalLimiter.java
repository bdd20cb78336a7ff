package dev.tollgate.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.ratelimit.Verdict.Dimension;

/**
 * The fallback while Redis is unreachable: the same GCRA as {@code admit.lua} (a token bucket that refills
 * continuously), in this instance's memory and on its monotonic clock, over this instance's share of each limit.
 * Buckets idle for longer than a window are full again, so they are forgotten.
 */
final class LocalLimiter {

    private final Cache<String, long[]> arrivals = Caffeine.newBuilder()
            .expireAfterAccess(Limits.WINDOW.plusSeconds(1))
            .maximumSize(100_000)
            .build();

    // One lock for all keys: decisions take microseconds and happen only while Redis is down.
    synchronized Verdict admit(Limits limits, long tokens) {
        long now = System.nanoTime() / 1000;
        long[] requestsTat = tat(limits.keyId() + ":rpm", now);
        long[] tokensTat = tat(limits.keyId() + ":tpm", now);
        long requestsLate = late(limits.requests(), requestsTat[0], now);
        long tokensLate = late(limits.tokens(), tokensTat[0], now);
        Dimension denied = requestsLate > 0 ? Dimension.REQUESTS : tokensLate > 0 ? Dimension.TOKENS : null;
        if (denied == null) {
            charge(limits.requests(), requestsTat, 1);
            charge(limits.tokens(), tokensTat, tokens);
        }
        long retry = denied == Dimension.REQUESTS ? requestsLate : denied == Dimension.TOKENS ? tokensLate : 0;
        return new Verdict(
                limits,
                denied,
                retry,
                window(limits.requests(), requestsTat[0], now),
                window(limits.tokens(), tokensTat[0], now),
                false);
    }

    private long[] tat(String key, long now) {
        long[] tat = arrivals.get(key, unused -> new long[] {now});
        tat[0] = Math.max(tat[0], now);
        return tat;
    }

    private static long late(long limit, long tat, long now) {
        if (limit == 0) {
            return Limits.WINDOW_MICROS;
        }
        return limit < 0 ? 0 : tat + Limits.WINDOW_MICROS / limit - now - Limits.WINDOW_MICROS;
    }

    private static void charge(long limit, long[] tat, long cost) {
        if (limit > 0) {
            tat[0] += cost * Limits.WINDOW_MICROS / limit;
        }
    }

    private static Verdict.Window window(long limit, long tat, long now) {
        if (limit <= 0) {
            return Verdict.window(limit, 0, 0);
        }
        long backlog = tat - now;
        long remaining = Math.max(0, (Limits.WINDOW_MICROS - backlog) * limit / Limits.WINDOW_MICROS);
        return Verdict.window(limit, remaining, backlog);
    }
}
