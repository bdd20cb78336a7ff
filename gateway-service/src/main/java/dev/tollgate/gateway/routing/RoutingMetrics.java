package dev.tollgate.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts what routing did: every upstream attempt by provider and outcome, and every fallback taken. Tags are the
 * provider type and the outcome only: deployments and models come and go with configuration.
 */
@Component
class RoutingMetrics {

    static final String ATTEMPTS = "tollgate.routing.attempts";
    static final String FALLBACKS = "tollgate.routing.fallbacks";

    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt ended: {@code success}, or the {@link FailureKind} that ended it, lower case. */
    void attempt(Target target, String outcome) {
        Counter.builder(ATTEMPTS)
                .description("Upstream attempts, by provider and outcome")
                .tags("provider", target.provider(), "outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A request moved to a fallback model because of {@code condition}. */
    void fellBack(String condition) {
        Counter.builder(FALLBACKS)
                .description("Requests moved to a fallback model, by the condition that moved them")
                .tags("condition", condition)
                .register(registry)
                .increment();
    }
}
