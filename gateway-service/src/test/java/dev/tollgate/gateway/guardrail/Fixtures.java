package dev.tollgate.gateway.guardrail;

import dev.tollgate.gateway.usage.GuardrailTrail;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules, stages and decisions for unit tests and the benchmark, built without Spring. */
final class Fixtures {

    static final Map<String, Detector> BUILT_IN =
            Detectors.builtIn(List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "AU", "BR"));

    private Fixtures() {}

    /** Every built-in detector plus a deny list and a national-id pattern, all with {@code action}. */
    static List<Rule> everyDetector(Action action, boolean reversible) {
        List<Rule> rules = new ArrayList<>();
        BUILT_IN.values().forEach(detector -> rules.add(new Rule(detector, action, reversible, "bench")));
        rules.add(new Rule(
                new DenyListDetector(List.of("project nightingale", "competitor inc", "layoffs"), "DENIED"),
                action,
                reversible,
                "bench"));
        rules.add(new Rule(
                NationalIdDetector.of(List.of("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "US_SSN"), action, reversible, "bench"));
        return rules;
    }

    static Rule rule(String detector, Action action, boolean reversible) {
        return new Rule(BUILT_IN.get(detector), action, reversible, "test");
    }

    static Decisions decisions(GuardrailTrail trail) {
        return new Decisions(
                new Decisions.Audience("request", "tenant", "key"),
                Stage.INPUT,
                trail,
                new GuardrailMetrics(new SimpleMeterRegistry()));
    }
}
