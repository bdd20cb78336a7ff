package dev.tollgate.admin.prompt;

import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import java.util.List;

/**
 * A label whose traffic is shared between versions by weight.
 *
 * @param versions each version and its weight, by version
 */
record SplitView(String label, List<LabelSplit> versions) {

    /** A version's share of the label's traffic, in percent with one decimal, for the console. */
    public String percent(LabelSplit split) {
        int total = versions.stream().mapToInt(LabelSplit::weight).sum();
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * split.weight() / total);
    }
}
