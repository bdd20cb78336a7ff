package dev.tollgate.gateway.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Precision and recall of every detector on its corpus of realistic positive and negative examples, with floors each
 * must keep. With {@code -Dguardrail.accuracy.report=<file>} the measured table is written there (see
 * {@code docs/guardrails-accuracy.md} for the command).
 */
class GuardrailAccuracyTests {

    private static final Map<String, Detector> BUILT_IN =
            Detectors.builtIn(List.of("US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "AU", "BR"));
    private static final List<Measured> measured = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pii.email, 0.95, 0.95",
        "pii.phone, 0.85, 0.90",
        "pii.card, 0.90, 0.95",
        "pii.iban, 0.95, 0.95",
        "pii.national_id, 0.95, 0.95",
        "pii.ip, 0.90, 0.90",
        "pii.secret, 0.85, 0.90",
        "injection, 0.90, 0.85",
        "deny_list, 0.90, 0.90"
    })
    void keepsPrecisionAndRecallAboveTheirFloors(String name, double precisionFloor, double recallFloor) {
        Corpus corpus = Corpus.of(name);
        Detector detector = detector(corpus);

        Measured result = Measured.of(corpus, detector, precisionFloor, recallFloor);
        measured.add(result);

        assertThat(corpus.positives()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(corpus.negatives()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(result.precision())
                .as("precision of %s, misses: %s", name, result.misses())
                .isGreaterThanOrEqualTo(precisionFloor);
        assertThat(result.recall())
                .as("recall of %s, misses: %s", name, result.misses())
                .isGreaterThanOrEqualTo(recallFloor);
    }

    @AfterAll
    static void report() throws IOException {
        String target = System.getProperty("guardrail.accuracy.report");
        if (target == null || target.isBlank()) {
            return;
        }
        Files.writeString(Path.of(target), AccuracyReport.markdown(measured), StandardCharsets.UTF_8);
    }

    private static Detector detector(Corpus corpus) {
        return switch (corpus.detector()) {
            case GuardrailRule.NATIONAL_ID -> NationalIdDetector.of(corpus.patterns(), "NATIONAL_ID");
            case GuardrailRule.DENY_LIST -> new DenyListDetector(corpus.terms(), "DENIED");
            default -> BUILT_IN.get(corpus.detector());
        };
    }

    /**
     * One detector's confusion counts on its corpus.
     *
     * @param detector its name
     * @param truePositives positives it flagged
     * @param falseNegatives positives it missed
     * @param falsePositives negatives it flagged
     * @param trueNegatives negatives it left alone
     * @param precisionFloor the floor asserted for precision
     * @param recallFloor the floor asserted for recall
     * @param misses the examples it got wrong, marked {@code +} or {@code -}
     */
    record Measured(
            String detector,
            int truePositives,
            int falseNegatives,
            int falsePositives,
            int trueNegatives,
            double precisionFloor,
            double recallFloor,
            List<String> misses) {

        static Measured of(Corpus corpus, Detector detector, double precisionFloor, double recallFloor) {
            List<String> misses = new ArrayList<>();
            int tp = 0;
            int fp = 0;
            for (String positive : corpus.positives()) {
                if (detector.find(positive).isEmpty()) {
                    misses.add("+ " + positive);
                } else {
                    tp++;
                }
            }
            for (String negative : corpus.negatives()) {
                if (!detector.find(negative).isEmpty()) {
                    misses.add("- " + negative);
                    fp++;
                }
            }
            int fn = corpus.positives().size() - tp;
            int tn = corpus.negatives().size() - fp;
            return new Measured(corpus.detector(), tp, fn, fp, tn, precisionFloor, recallFloor, misses);
        }

        double precision() {
            return truePositives + falsePositives == 0
                    ? 1.0
                    : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0
                    ? 1.0
                    : (double) truePositives / (truePositives + falseNegatives);
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| `%s` | %d | %d | %d | %d | %d | %.3f | %.3f | %.2f / %.2f |",
                    detector,
                    truePositives + falseNegatives,
                    falsePositives + trueNegatives,
                    truePositives,
                    falsePositives,
                    falseNegatives,
                    precision(),
                    recall(),
                    precisionFloor,
                    recallFloor);
        }
    }
}
