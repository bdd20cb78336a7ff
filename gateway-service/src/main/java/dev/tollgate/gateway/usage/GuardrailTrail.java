package dev.tollgate.gateway.usage;

import dev.tollgate.model.usage.UsageRecorded.GuardrailUse;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the guardrails decided for one request, collected as they decide: input screening first, then the checks of
 * the answer, which for a stream run while it is relayed. The usage event reads it when it is written, whichever way
 * the request ends, so a block, a failure and a cancel all carry the decisions made until then. Never the text that
 * matched: only the strongest action and the detectors that matched. Safe for use from several threads.
 */
public final class GuardrailTrail {

    /** The event's {@code guardrail_action} values, weakest first. */
    private static final List<String> ACTIONS = List.of("logged", "redacted", "blocked");

    private final Set<String> hits = new LinkedHashSet<>();
    private int strongest = -1;

    /**
     * Records that {@code detectors} matched and {@code action} ({@code logged}, {@code redacted} or {@code blocked})
     * was taken; the event keeps the strongest action and every detector once.
     */
    public synchronized void record(String action, Collection<String> detectors) {
        int strength = ACTIONS.indexOf(action);
        if (strength < 0) {
            throw new IllegalArgumentException("unknown guardrail action " + action);
        }
        strongest = Math.max(strongest, strength);
        hits.addAll(detectors);
    }

    /** Whether any guardrail matched anything so far; such a request and its answer are never cached. */
    public synchronized boolean flagged() {
        return strongest >= 0;
    }

    /** The decisions so far as the usage event carries them; {@code null} when nothing matched. */
    public synchronized @Nullable GuardrailUse use() {
        return strongest < 0 ? null : new GuardrailUse(ACTIONS.get(strongest), List.copyOf(hits));
    }
}
