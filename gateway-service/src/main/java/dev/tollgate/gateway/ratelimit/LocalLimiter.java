package dev.tollgate.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.ratelimit.Verdict.Dimension;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fallback while Redis is unreachable: the same GCRA as {@code admit.lua} (a token bucket that refills
 * continuously), in this instance's memory and on its monotonic clock, over this instance's share of each limit.
 * Buckets idle for longer than a window are full again, so they are forgotten.
 */
public final class LocalLimiter {

    private final Cache<String, long[]> arrivals = Caffeine.newBuilder()
            .expireAfterAccess(Limits.WINDOW.plusSeconds(1))
            .maximumSize(100_000)
            .build();
    private final int instances;

    public LocalLimiter(int instances) {
        this.instances = instances;
    }

    /**
     * Decides a request charging {@code tokens} against every subject in {@code subjects}, over this instance's share
     * of each; charges nothing unless all admit. One verdict per subject, in order.
     */
    // One lock for all subjects: decisions take microseconds and happen only while Redis is down.
    public synchronized List<Verdict> admit(List<Limits> subjects, long tokens) {
        long now = System.nanoTime() / 1000;
        List<Verdict> verdicts = new ArrayList<>();
        boolean denied = false;
        for (Limits full : subjects) {
            Limits limits = full.share(instances);
            long[] requestsTat = tat(limits.requestsKey(), now);
            long[] tokensTat = tat(limits.tokensKey(), now);
            long requestsLate = late(limits.requests(), requestsTat[0], now);
            long tokensLate = late(limits.tokens(), tokensTat[0], now);
            @Nullable
            Dimension by =
                    denied ? null : requestsLate > 0 ? Dimension.REQUESTS : tokensLate > 0 ? Dimension.TOKENS : null;
            denied |= by != null;
            long retry = by == Dimension.REQUESTS ? requestsLate : by == Dimension.TOKENS ? tokensLate : 0;
            verdicts.add(new Verdict(limits, by, retry, null, null));
        }
        List<Verdict> decided = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            Limits limits = verdict.limits();
            long[] requestsTat = tat(limits.requestsKey(), now);
            long[] tokensTat = tat(limits.tokensKey(), now);
            if (!denied) {
                charge(limits.requests(), requestsTat, 1);
                charge(limits.tokens(), tokensTat, tokens);
            }
            decided.add(new Verdict(
                    limits,
                    verdict.deniedBy(),
                    verdict.retryAfterMicros(),
                    window(limits.requests(), requestsTat[0], now),
                    window(limits.tokens(), tokensTat[0], now)));
        }
        return decided;
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

    private static Verdict.@Nullable Window window(long limit, long tat, long now) {
        if (limit <= 0) {
            return Verdict.window(limit, 0, 0);
        }
        long backlog = tat - now;
        long remaining = Math.max(0, (Limits.WINDOW_MICROS - backlog) * limit / Limits.WINDOW_MICROS);
        return Verdict.window(limit, remaining, backlog);
    }
}
