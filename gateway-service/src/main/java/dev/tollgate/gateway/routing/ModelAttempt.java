package dev.tollgate.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The attempts of one request on one public model: its deployments in the strategy's order, tried one after another
 * and then, after a backoff, in a fresh order again, until an attempt succeeds or the model's retries are spent.
 */
final class ModelAttempt {

    private final Route route;
    private final Supplier<List<Target>> order;
    private List<Target> round;
    private int next;
    private int retriesLeft;
    private int backoffs;
    private @Nullable Throwable lastFailure;

    ModelAttempt(Route route, Supplier<List<Target>> order) {
        this.route = route;
        this.order = order;
        this.round = order.get();
        this.retriesLeft = route.retry().maxRetries();
    }

    Route route() {
        return route;
    }

    /** The next deployment of this round that grants a permit; {@code null} when none is left. */
    @Nullable
    Target next(DeploymentHealth health) {
        while (next < round.size()) {
            Target candidate = round.get(next++);
            if (health.acquire(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Spends a retry after a retriable failure and says how long to wait before it: no wait when another deployment of
     * this round is left to try; otherwise the provider's {@code retry-after} when it is within the policy's cap, else a
     * jittered backoff, after which the deployments are ordered afresh. {@code null} when no retry is left, the
     * provider asked for a longer pause than the policy waits, or the deployments left already let the request time
     * out (waiting that long again on the same ones would only double the caller's wait).
     */
    @Nullable
    Duration retryAfter(
            FailureKind kind, Duration providerRetryAfter, DeploymentHealth health, RandomGenerator random) {
        if (retriesLeft <= 0) {
            return null;
        }
        retriesLeft--;
        if (round.subList(next, round.size()).stream().anyMatch(health::available)) {
            return Duration.ZERO;
        }
        if (kind == FailureKind.TIMEOUT) {
            return null;
        }
        Duration cap = Duration.ofMillis(route.retry().maxBackoffMs());
        if (providerRetryAfter.compareTo(cap) > 0) {
            return null;
        }
        round = List.of(); // ordered afresh when the wait is over: the health of every deployment may have changed
        return providerRetryAfter.isZero() ? jittered(cap, random) : providerRetryAfter;
    }

    /** Remembers the failure a caller gets when no further attempt can be made. */
    void failed(Throwable failure) {
        lastFailure = failure;
    }

    /** The last attempt's failure; {@code null} before any attempt failed. */
    @Nullable
    Throwable lastFailure() {
        return lastFailure;
    }

    /** Orders the deployments afresh once a round is used up and a retry is due. */
    void newRoundIfDue() {
        if (round.isEmpty()) {
            round = order.get();
            next = 0;
        }
    }

    // "Full jitter": a random wait below an exponentially growing bound, so retries of many requests spread out.
    private Duration jittered(Duration cap, RandomGenerator random) {
        long bound = Math.min(cap.toMillis(), (long) route.retry().backoffMs() << Math.min(backoffs++, 20));
        return Duration.ofMillis(random.nextLong(Math.max(1, bound) + 1));
    }
}
