package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailPolicy;
import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the detectors of published rules. The built-in ones are made once and shared by every policy (the phone
 * detector loads libphonenumber's metadata, the injection detector its rules pack, both at startup); deny lists and
 * national-id patterns are built per rule, when their policy is loaded.
 */
@Component
class Detectors {

    private final Map<String, Detector> builtIn;

    @Autowired
    Detectors(GuardrailProperties properties, ObjectProvider<InjectionClassifier> classifier) {
        this(builtIn(properties, classifier.getIfAvailable()));
    }

    Detectors(Map<String, Detector> builtIn) {
        this.builtIn = Map.copyOf(builtIn);
    }

    /** The built-in detectors, by name, with no classifier; for tests and benchmarks. */
    static Map<String, Detector> builtIn(List<String> phoneRegions) {
        return builtIn(phoneRegions, null, 1.0);
    }

    private static Map<String, Detector> builtIn(
            GuardrailProperties properties, @Nullable InjectionClassifier classifier) {
        return builtIn(properties.phoneRegions(), classifier, properties.classifierThreshold());
    }

    private static Map<String, Detector> builtIn(
            List<String> phoneRegions, @Nullable InjectionClassifier classifier, double threshold) {
        return Map.of(
                GuardrailRule.EMAIL, new EmailDetector(),
                GuardrailRule.PHONE, new PhoneDetector(phoneRegions),
                GuardrailRule.CARD, new CardDetector(),
                GuardrailRule.IBAN, new IbanDetector(),
                GuardrailRule.SECRET, new SecretDetector(),
                GuardrailRule.IP, new IpDetector(),
                GuardrailRule.INJECTION, InjectionDetector.withShippedRules(classifier, threshold));
    }

    /**
     * {@code policy} with its rules built.
     *
     * @throws IllegalArgumentException when a rule names an unknown detector or action, or a pattern does not compile
     */
    CompiledPolicy compile(GuardrailPolicy policy) {
        Action jsonSchema = null;
        for (GuardrailRule rule : policy.output()) {
            if (GuardrailRule.JSON_SCHEMA.equals(rule.detector())) {
                Action action = Action.of(rule.action());
                jsonSchema = jsonSchema == null ? action : jsonSchema.strongest(action);
            }
        }
        return new CompiledPolicy(
                policy.policyId(),
                rules(policy, policy.input(), GuardrailRule.JSON_SCHEMA),
                rules(policy, policy.output(), GuardrailRule.INJECTION),
                jsonSchema);
    }

    // Injection is screened on requests only, JSON schemas on answers only: a rule at the other stage does nothing.
    private List<Rule> rules(GuardrailPolicy policy, List<GuardrailRule> published, String notHere) {
        List<Rule> rules = new ArrayList<>();
        for (GuardrailRule rule : published) {
            Action action = Action.of(Objects.requireNonNull(rule.action(), "action"));
            String name = Objects.requireNonNull(rule.detector(), "detector");
            if (!GuardrailRule.DETECTORS.contains(name)) {
                throw new IllegalArgumentException("unknown guardrail detector " + name);
            }
            if (!notHere.equals(name) && !GuardrailRule.JSON_SCHEMA.equals(name)) {
                rules.add(new Rule(detector(name, rule), action, policy.reversible(), policy.policyId()));
            }
        }
        return rules;
    }

    private Detector detector(String name, GuardrailRule rule) {
        return switch (name) {
            case GuardrailRule.NATIONAL_ID -> NationalIdDetector.of(rule.terms(), label(rule, "NATIONAL_ID"));
            case GuardrailRule.DENY_LIST -> new DenyListDetector(rule.terms(), label(rule, "DENIED"));
            default -> Objects.requireNonNull(builtIn.get(name), name);
        };
    }

    // A label names placeholders (<US_SSN_1>), so it is kept to the characters a placeholder is made of.
    private static String label(GuardrailRule rule, String fallback) {
        String label = rule.label() == null ? "" : rule.label().strip().toUpperCase(Locale.ROOT);
        String safe = label.replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return safe.isEmpty() ? fallback : safe.substring(0, Math.min(safe.length(), 40));
    }
}
