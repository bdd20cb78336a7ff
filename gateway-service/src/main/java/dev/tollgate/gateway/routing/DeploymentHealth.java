package dev.tollgate.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Whether each deployment may get traffic, kept by this gateway instance for itself: a circuit breaker per deployment
 * (resilience4j) opens when the failure rate over its last calls passes the threshold, sends no traffic while open,
 * then lets exactly one probe through; the probe's outcome closes or reopens it. A provider's {@code retry-after}
 * opens it for that long. What counts as a failure is decided by the caller ({@link FailureKind#countsAgainstHealth}):
 * a provider's refusal of a bad request says nothing about its health.
 */
@Component
class DeploymentHealth {

    private final RoutingProperties.Health settings;
    private final CircuitBreakerConfig config;
    private final Cache<String, Breaker> breakers;

    DeploymentHealth(RoutingProperties properties) {
        this.settings = properties.health();
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                // Outcomes are recorded on event loops; the default window takes a lock, which parks a loop thread
                // whenever two answers of one deployment arrive together.
                .slidingWindowSynchronizationStrategy(
                        CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(Math.min(settings.minimumCalls(), settings.window()))
                .failureRateThreshold(settings.failureRate())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Every outcome is reported explicitly with onSuccess/onError; nothing is recorded by exception type.
                .recordException(failure -> true)
                .build();
        // Deployments come and go with published routes; an unused breaker is forgotten after a day.
        this.breakers =
                Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).build();
    }

    /** Whether {@code target} would be considered now: closed, or open long enough to be probed. */
    boolean available(Target target) {
        return breaker(target).available();
    }

    /**
     * Takes a permit to call {@code target}; {@code false} when its circuit is open, or half-open with its probe
     * already taken. A permit must be given back with {@link #succeeded}, {@link #failed} or {@link #released}.
     */
    boolean acquire(Target target) {
        return breaker(target).circuit().tryAcquirePermission();
    }

    void succeeded(Target target, long nanos) {
        breaker(target).circuit().onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(Target target, long nanos, Throwable failure) {
        breaker(target).circuit().onError(nanos, TimeUnit.NANOSECONDS, failure);
    }

    /** Gives a permit back without an outcome, such as when the caller went away. */
    void released(Target target) {
        breaker(target).circuit().releasePermission();
    }

    /**
     * Takes {@code target} out of rotation for {@code retryAfter} (capped), or the rate-limit cooldown when the
     * provider said nothing; then one probe decides.
     */
    void coolDown(Target target, Duration retryAfter) {
        Duration cooldown = retryAfter.isZero() ? settings.rateLimitCooldown() : retryAfter;
        breaker(target).openFor(cooldown.compareTo(settings.maxCooldown()) > 0 ? settings.maxCooldown() : cooldown);
    }

    /** Whether {@code target} is out of rotation because its provider rate-limited it, not because it failed. */
    boolean coolingAfterRateLimit(Target target) {
        Breaker breaker = breaker(target);
        return !breaker.available() && breaker.rateLimited;
    }

    /** How long until {@code target} may be probed again; zero when it may be called now. */
    Duration unavailableFor(Target target) {
        return breaker(target).unavailableFor();
    }

    private Breaker breaker(Target target) {
        return breakers.get(target.key(), key -> new Breaker(CircuitBreaker.of(key, config), settings.openFor()));
    }

    /** A circuit breaker and when it may be probed again, which resilience4j does not tell. */
    private static final class Breaker {

        private final CircuitBreaker circuit;
        private volatile Instant probeAt = Instant.MIN;
        private volatile boolean rateLimited;

        Breaker(CircuitBreaker circuit, Duration openFor) {
            this.circuit = circuit;
            circuit.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        && probeAt.isBefore(Instant.now())) {
                    probeAt = Instant.now().plus(openFor);
                    rateLimited = false;
                }
            });
        }

        CircuitBreaker circuit() {
            return circuit;
        }

        void openFor(Duration duration) {
            probeAt = Instant.now().plus(duration);
            rateLimited = true;
            circuit.transitionToOpenStateFor(duration);
        }

        boolean available() {
            return circuit.getState() != CircuitBreaker.State.OPEN
                    || !Instant.now().isBefore(probeAt);
        }

        Duration unavailableFor() {
            Duration left = Duration.between(Instant.now(), probeAt);
            return available() || left.isNegative() ? Duration.ZERO : left;
        }
    }
}
