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

    private final List<Pattern> rules;
    private final @Nullable InjectionClassifier classifier;
    private final double threshold;

    InjectionDetector(List<Pattern> rules, @Nullable InjectionClassifier classifier, double threshold) {
        this.rules = List.copyOf(rules);
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
        for (Pattern rule : rules) {
            Matcher matcher = rule.matcher(folded.text());
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

    static List<Pattern> shippedRules() {
        InputStream in = InjectionDetector.class.getClassLoader().getResourceAsStream(RULES);
        if (in == null) {
            throw new IllegalStateException(RULES + " is missing from the classpath");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> Pattern.compile(line.substring(line.indexOf('\t') + 1)))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
