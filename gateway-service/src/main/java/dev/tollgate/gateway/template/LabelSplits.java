package dev.tollgate.gateway.template;

import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Weighted label splits (A/B tests of prompts): a label listed in {@link TemplateSnapshot#splits()} is served by a
 * random draw among its versions, each drawn with probability weight / total weight.
 */
final class LabelSplits {

    private LabelSplits() {}

    /**
     * The version drawn for {@code label}, or {@code null} when the label has no usable split (none listed, or none
     * with a positive weight and a published version).
     */
    static @Nullable Integer draw(TemplateSnapshot snapshot, String label, RandomGenerator random) {
        List<LabelSplit> usable = usable(snapshot, label);
        long total = usable.stream().mapToLong(LabelSplit::weight).sum();
        if (total == 0) {
            return null;
        }
        long ticket = random.nextLong(total);
        for (LabelSplit split : usable) {
            ticket -= split.weight();
            if (ticket < 0) {
                return split.version();
            }
        }
        throw new IllegalStateException("a draw below the total weight always lands on a split");
    }

    private static List<LabelSplit> usable(TemplateSnapshot snapshot, String label) {
        List<LabelSplit> splits = snapshot.splits().get(label);
        if (splits == null) {
            return List.of();
        }
        Set<Integer> published =
                snapshot.versions().stream().map(PublishedPrompt::version).collect(Collectors.toSet());
        return splits.stream()
                .filter(split -> split.weight() > 0 && published.contains(split.version()))
                .toList();
    }
}
