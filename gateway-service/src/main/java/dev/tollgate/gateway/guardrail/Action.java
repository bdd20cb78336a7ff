package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;

/** What a rule does when its detector matches, weakest first, so that the strongest of several wins. */
enum Action {
    LOG(GuardrailRule.LOG, "logged"),
    REDACT(GuardrailRule.REDACT, "redacted"),
    BLOCK(GuardrailRule.BLOCK, "blocked");

    private final String wire;
    private final String outcome;

    Action(String wire, String outcome) {
        this.wire = wire;
        this.outcome = outcome;
    }

    /** The action named {@code wire} in a published rule. */
    static Action of(String wire) {
        for (Action action : values()) {
            if (action.wire.equals(wire)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown guardrail action " + wire);
    }

    /** The name in a published rule and in metrics: {@code log}, {@code redact} or {@code block}. */
    String wire() {
        return wire;
    }

    /** The name in the usage event: {@code logged}, {@code redacted} or {@code blocked}. */
    String outcome() {
        return outcome;
    }

    Action strongest(Action other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
