package dev.tollgate.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What the latency and least-busy strategies choose by, kept by this gateway instance for itself: per deployment, a
 * moving average of the time to first token (the whole answer's time for a call that does not stream) and the
 * requests in flight.
 */
@Component
class DeploymentStats {

    private final double newestWeight;
    private final Cache<String, Stats> stats =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).build();

    DeploymentStats(RoutingProperties properties) {
        this.newestWeight = Math.clamp(properties.health().latencyWeight(), 0.01, 1.0);
    }

    /** A call to {@code target} starts. */
    void started(Target target) {
        stats(target).inFlight.incrementAndGet();
    }

    /** A call to {@code target} ended, however it ended. */
    void ended(Target target) {
        stats(target).inFlight.decrementAndGet();
    }

    /** The first token (or whole answer) of {@code target} took {@code nanos}. */
    void firstToken(Target target, long nanos) {
        stats(target).record(nanos, newestWeight);
    }

    int inFlight(Target target) {
        return stats(target).inFlight.get();
    }

    /** The moving average in nanoseconds; {@code 0} for a deployment never measured, so it is tried first. */
    double averageFirstToken(Target target) {
        return stats(target).average;
    }

    private Stats stats(Target target) {
        return stats.get(target.key(), key -> new Stats());
    }

    private static final class Stats {

        final AtomicInteger inFlight = new AtomicInteger();
        volatile double average;

        // A lost update under a race only drops one sample of an estimate.
        void record(long nanos, double weight) {
            average = average == 0 ? nanos : weight * nanos + (1 - weight) * average;
        }
    }
}
