package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.List;

/** The words and topics of one deny-list rule, found whole-word through {@link Terms}. */
final class DenyListDetector implements Detector {

    private final Terms terms;
    private final String label;

    DenyListDetector(List<String> terms, String label) {
        this.terms = new Terms(terms);
        this.label = label;
    }

    @Override
    public String name() {
        return GuardrailRule.DENY_LIST;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<Finding> find(String text) {
        if (terms.isEmpty()) {
            return List.of();
        }
        NormalizedText folded = NormalizedText.of(text);
        return terms.find(folded).stream()
                .map(match -> folded.original(match.start(), match.end()))
                .toList();
    }

    @Override
    public int holdFrom(String text) {
        NormalizedText folded = NormalizedText.of(text);
        int pending = terms.pendingFrom(folded.text());
        return pending >= folded.text().length() ? text.length() : folded.origin()[pending];
    }
}
