package dev.tollgate.gateway.guardrail;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts guardrail decisions: {@code tollgate.guardrail.decisions} tagged {@code detector} (such as
 * {@code pii.email}), {@code action} ({@code block}, {@code redact}, {@code log}) and {@code stage} ({@code input},
 * {@code output}); one per request, stage, detector and action, however many matches it had. Tenants, keys and labels
 * never become tags.
 */
@Component
class GuardrailMetrics {

    static final String DECISIONS = "tollgate.guardrail.decisions";

    private final MeterRegistry registry;

    GuardrailMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void decided(String detector, Action action, String stage) {
        registry.counter(DECISIONS, "detector", detector, "action", action.wire(), "stage", stage)
                .increment();
    }
}
