package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National ids given by pattern in a policy: each rule's {@code terms} are regular expressions, and its label names
 * the matches ({@code <US_SSN_1>}). A pattern written by an operator may backtrack badly, so it matches through a
 * {@link BoundedText} that gives up after a number of character reads proportional to the text; a pattern that gives
 * up is treated as matching the whole text, so the guardrail fails closed rather than letting an id through.
 */
final class NationalIdDetector implements Detector {

    /** Longest id pattern a policy may hold; the control plane validates them too. */
    static final int MAX_PATTERN = 512;

    private static final int HOLD = 32;

    private final List<Pattern> patterns;
    private final String label;

    NationalIdDetector(List<Pattern> patterns, String label) {
        this.patterns = List.copyOf(patterns);
        this.label = label;
    }

    /** The detector for {@code terms}, the rule's patterns; fails on a pattern that does not compile. */
    static NationalIdDetector of(List<String> terms, String label) {
        List<Pattern> compiled = new ArrayList<>();
        for (String term : terms) {
            if (term.length() > MAX_PATTERN) {
                throw new IllegalArgumentException("national id pattern longer than " + MAX_PATTERN);
            }
            compiled.add(Pattern.compile(term));
        }
        return new NationalIdDetector(compiled, label);
    }

    @Override
    public String name() {
        return GuardrailRule.NATIONAL_ID;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (Pattern pattern : patterns) {
            try {
                Matcher matcher = pattern.matcher(new BoundedText(text));
                while (matcher.find()) {
                    if (matcher.end() > matcher.start()) {
                        found.add(new Finding(matcher.start(), matcher.end()));
                    }
                }
            } catch (BoundedText.Exhausted runaway) {
                return List.of(new Finding(0, text.length()));
            }
        }
        return Findings.merged(found);
    }

    // A pattern's reach is unknown: the last few characters wait for the next chunk.
    @Override
    public int holdFrom(String text) {
        return Math.max(0, text.length() - HOLD);
    }
}
