package dev.tollgate.gateway.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Weighted label splits. Each check draws 2,000 times and allows what chance allows: a binomial count within four
 * standard deviations of its expectation, or a chi-square statistic below the 1e-9 tail of its distribution. With a
 * seeded generator every run draws the same; the bounds are wide enough that any seed passes all but once in millions.
 */
class LabelSplitsTests {

    static final int DRAWS = 2_000;
    static final TemplateReference PRODUCTION = new TemplateReference("summary", "production", null);

    @Test
    void servesASplitLabelsVersionsInProportionToTheirWeights() {
        var snapshot = snapshot(Map.of("production", List.of(new LabelSplit(3, 9), new LabelSplit(4, 1))));

        for (long seed = 1; seed <= 5; seed++) {
            Map<Integer, Integer> counts = draws(snapshot, PRODUCTION, new SplittableRandom(seed));

            double expected = DRAWS * 0.9;
            double sigma = Math.sqrt(DRAWS * 0.9 * 0.1);
            assertThat(counts.keySet()).containsExactlyInAnyOrder(3, 4);
            assertThat((double) counts.get(3)).isBetween(expected - 4 * sigma, expected + 4 * sigma);
        }
    }

    @Test
    void splitsThreeWaysWithinChiSquareBounds() {
        var splits = List.of(new LabelSplit(1, 5), new LabelSplit(2, 3), new LabelSplit(3, 2));
        var snapshot = snapshot(Map.of("production", splits));

        for (long seed = 1; seed <= 5; seed++) {
            Map<Integer, Integer> counts = draws(snapshot, PRODUCTION, new SplittableRandom(seed));

            double chiSquare = 0;
            for (LabelSplit split : splits) {
                double expected = DRAWS * split.weight() / 10.0;
                double observed = counts.getOrDefault(split.version(), 0);
                chiSquare += (observed - expected) * (observed - expected) / expected;
            }
            // Two degrees of freedom: P(X > x) = exp(-x / 2), so 1e-9 is at x = 2 ln(1e9) ≈ 41.4.
            assertThat(chiSquare).isLessThan(2 * Math.log(1e9));
        }
    }

    @Test
    void servesTheLabelsOwnVersionWithoutUsableSplits() {
        var unusable = snapshot(Map.of("production", List.of(new LabelSplit(9, 5), new LabelSplit(4, 0))));

        assertThat(draws(unusable, PRODUCTION, new SplittableRandom(1))).containsOnlyKeys(3);
        assertThat(draws(snapshot(Map.of()), PRODUCTION, new SplittableRandom(1)))
                .containsOnlyKeys(3);
    }

    @Test
    void servesAVersionAskedForByNumberWhateverTheSplits() {
        var snapshot = snapshot(Map.of("production", List.of(new LabelSplit(3, 1), new LabelSplit(4, 1))));

        var counts = draws(snapshot, new TemplateReference("summary", null, 4), new SplittableRandom(1));

        assertThat(counts).containsOnlyKeys(4);
    }

    private static Map<Integer, Integer> draws(
            TemplateSnapshot snapshot, TemplateReference reference, SplittableRandom random) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < DRAWS; i++) {
            counts.merge(reference.pick(snapshot, random).version(), 1, Integer::sum);
        }
        return counts;
    }

    private static TemplateSnapshot snapshot(Map<String, List<LabelSplit>> splits) {
        List<PublishedPrompt> versions = List.of(version(1), version(2), version(3), version(4));
        return new TemplateSnapshot("tpl-1", "summary", "t1", versions, Map.of("production", 3), splits);
    }

    private static PublishedPrompt version(int number) {
        return new PublishedPrompt(
                number,
                List.of(new PromptMessage("user", "v" + number)),
                "mock-chat",
                Map.of(),
                List.of(),
                Instant.now());
    }
}
