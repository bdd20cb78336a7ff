package dev.tollgate.gateway.guardrail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One detector's examples from {@code src/test/resources/guardrail-corpus/<detector>.txt}: lines flagged {@code +}
 * must match, lines flagged {@code -} must not; {@code pattern:} and {@code term:} lines configure the rule.
 *
 * @param detector the detector's name, which is the file's name
 * @param positives texts it must flag
 * @param negatives texts it must leave alone
 * @param patterns national-id patterns for the rule
 * @param terms deny-list terms for the rule
 */
record Corpus(
        String detector, List<String> positives, List<String> negatives, List<String> patterns, List<String> terms) {

    static Corpus of(String detector) {
        List<String> positives = new ArrayList<>();
        List<String> negatives = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (String line : lines("guardrail-corpus/" + detector + ".txt")) {
            String text = line.length() > 2 ? line.substring(2).replace("\\n", "\n") : "";
            if (line.startsWith("+ ")) {
                positives.add(text);
            } else if (line.startsWith("- ")) {
                negatives.add(text);
            } else if (line.startsWith("pattern: ")) {
                patterns.add(line.substring("pattern: ".length()));
            } else if (line.startsWith("term: ")) {
                terms.add(line.substring("term: ".length()));
            }
        }
        return new Corpus(detector, positives, negatives, patterns, terms);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
