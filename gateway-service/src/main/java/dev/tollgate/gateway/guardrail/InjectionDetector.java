package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Prompt-injection and jailbreak attempts in user content: the curated rules of {@code guardrail/injection-rules.txt}
 * matched against {@link NormalizedText} (so {@code 1gn0r3 all previous instructions}, {@code I G N O R E …} and
 * look-alike letters are caught too), then, for content no rule flagged, the optional {@link InjectionClassifier}. A
 * classifier hit covers the whole text.
 */
final class InjectionDetector implements Detector {

    static final String RULES = "guardrail/injection-rules.txt";

    private final List<InjectionRule> rules;
    private final Triggers triggers;
    private final @Nullable InjectionClassifier classifier;
    private final double threshold;

    InjectionDetector(List<InjectionRule> rules, @Nullable InjectionClassifier classifier, double threshold) {
        this.rules = List.copyOf(rules);
        this.triggers = new Triggers(
                rules.stream().flatMap(rule -> rule.triggers().stream()).collect(java.util.stream.Collectors.toSet()));
        this.classifier = classifier;
        this.threshold = threshold;
    }

    /** The detector with the shipped rules pack, read from the classpath (at startup, never per request). */
    static InjectionDetector withShippedRules(@Nullable InjectionClassifier classifier, double threshold) {
        return new InjectionDetector(shippedRules(), classifier, threshold);
    }

    @Override
    public String name() {
        return GuardrailRule.INJECTION;
    }

    @Override
    public String label() {
        return "INJECTION";
    }

    @Override
    public List<Finding> find(String text) {
        NormalizedText folded = NormalizedText.of(text);
        List<Finding> found = new ArrayList<>();
        Set<String> present = triggers.in(folded.text());
        for (InjectionRule rule : rules) {
            if (!rule.triggeredBy(present)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(folded.text());
            while (matcher.find()) {
                if (matcher.end() > matcher.start()) {
                    found.add(folded.original(matcher.start(), matcher.end()));
                }
            }
        }
        if (found.isEmpty() && classifier != null && !text.isBlank() && classifier.score(text) >= threshold) {
            found.add(new Finding(0, text.length()));
        }
        return Findings.merged(found);
    }

    // Injection is screened on requests only: nothing of an answer is held back for it.
    @Override
    public int holdFrom(String text) {
        return text.length();
    }

    static List<InjectionRule> shippedRules() {
        InputStream in = InjectionDetector.class.getClassLoader().getResourceAsStream(RULES);
        if (in == null) {
            throw new IllegalStateException(RULES + " is missing from the classpath");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(InjectionRule::parse)
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * One rule of the pack.
     *
     * @param name its name
     * @param triggers substrings at least one of which every match contains
     * @param pattern the rule, matched against folded text
     */
    record InjectionRule(String name, List<String> triggers, Pattern pattern) {

        /** A line of the rules pack: name, triggers separated by commas, regular expression, tab-separated. */
        static InjectionRule parse(String line) {
            String[] columns = line.split("\t", 3);
            if (columns.length != 3) {
                throw new IllegalStateException("malformed injection rule: " + columns[0]);
            }
            return new InjectionRule(columns[0], List.of(columns[1].split(",")), Pattern.compile(columns[2]));
        }

        // Finding the triggers is far cheaper than running the pattern over text it cannot match.
        boolean triggeredBy(Set<String> present) {
            for (String trigger : triggers) {
                if (present.contains(trigger)) {
                    return true;
                }
            }
            return false;
        }
    }
}
