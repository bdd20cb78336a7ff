package dev.tollgate.gateway.guardrail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs rules over one text and applies what they decide: every match is recorded; a match of a {@code block} rule
 * refuses the whole text; matches of {@code redact} rules are replaced (by a numbered placeholder when the rule is
 * reversible and placeholders are kept, else by {@code [REDACTED_<LABEL>]}), overlapping ones merged into one
 * replacement; {@code log} matches change nothing.
 */
final class TextScreen {

    private TextScreen() {}

    /**
     * {@code text} screened by {@code rules}.
     *
     * @param placeholders where reversible redactions are kept; {@code null} to redact plainly
     * @throws Blocked when a {@code block} rule matched
     */
    static String screen(String text, List<Rule> rules, Decisions decisions, @Nullable Placeholders placeholders) {
        if (text.isEmpty() || rules.isEmpty()) {
            return text;
        }
        List<Hit> redactions = new ArrayList<>();
        Rule blocking = null;
        for (Rule rule : rules) {
            List<Finding> found = rule.detector().find(text);
            if (found.isEmpty()) {
                continue;
            }
            decisions.matched(rule, found.size());
            if (rule.action() == Action.BLOCK) {
                blocking = blocking == null ? rule : blocking;
            } else if (rule.action() == Action.REDACT) {
                found.forEach(finding -> redactions.add(new Hit(finding, rule)));
            }
        }
        if (blocking != null) {
            throw new Blocked(blocking.detector().name());
        }
        return redactions.isEmpty() ? text : redacted(text, redactions, placeholders);
    }

    private static String redacted(String text, List<Hit> hits, @Nullable Placeholders placeholders) {
        hits.sort(Comparator.comparingInt((Hit hit) -> hit.finding().start())
                .thenComparing(hit -> -hit.finding().end()));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < hits.size()) {
            Hit first = hits.get(i);
            int end = first.finding().end();
            int next = i + 1;
            while (next < hits.size() && hits.get(next).finding().start() < end) {
                end = Math.max(end, hits.get(next).finding().end());
                next++;
            }
            out.append(text, copied, first.finding().start());
            out.append(replacement(first.rule(), text.substring(first.finding().start(), end), placeholders));
            copied = end;
            i = next;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String replacement(Rule rule, String original, @Nullable Placeholders placeholders) {
        String label = rule.detector().label();
        if (rule.reversible() && placeholders != null) {
            return placeholders.placeholder(label, original);
        }
        return "[REDACTED_" + label + "]";
    }

    /**
     * A match of a rule.
     *
     * @param finding where
     * @param rule whose
     */
    private record Hit(Finding finding, Rule rule) {}

    /** A {@code block} rule matched; carries the detector's name, never the text. */
    static final class Blocked extends RuntimeException {

        private final String detector;

        Blocked(String detector) {
            super(detector, null, false, false);
            this.detector = detector;
        }

        String detector() {
            return detector;
        }
    }
}
