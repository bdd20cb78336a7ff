package dev.tollgate.admin.prompt;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.tollgate.model.prompt.PromptMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A line diff of two versions' model, parameters and messages, each version first written as lines of text
 * ({@code model: …}, {@code parameters: …}, {@code overridable: …} when it has any, then {@code [role]} and the
 * message's lines), then compared with
 * java-diff-utils' Myers diff. Every line of both versions appears once, so the diff reads top to bottom.
 */
final class PromptDiff {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PromptDiff() {}

    static VersionDiff between(VersionView from, VersionView to) {
        List<String> before = lines(from);
        List<String> after = lines(to);
        List<VersionDiff.Line> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            at = context(before, at, delta.getSource().getPosition(), out);
            delta.getSource().getLines().forEach(line -> out.add(VersionDiff.Line.removed(line)));
            delta.getTarget().getLines().forEach(line -> out.add(VersionDiff.Line.added(line)));
            at += delta.getSource().size();
        }
        context(before, at, before.size(), out);
        return new VersionDiff(from.version(), to.version(), !before.equals(after), out);
    }

    /** A version as the lines the diff compares. Parameters are sorted by name, so their order never shows. */
    static List<String> lines(VersionView version) {
        List<String> lines = new ArrayList<>();
        lines.add("model: " + version.model());
        lines.add("parameters: " + JSON.writeValueAsString(new TreeMap<>(version.parameters())));
        if (!version.overridable().isEmpty()) {
            lines.add("overridable: "
                    + String.join(", ", version.overridable().stream().sorted().toList()));
        }
        for (PromptMessage message : version.messages()) {
            lines.add("[" + message.role() + "]");
            lines.addAll(message.content().lines().toList());
        }
        return lines;
    }

    private static int context(List<String> before, int from, int to, List<VersionDiff.Line> out) {
        for (int i = from; i < to; i++) {
            out.add(VersionDiff.Line.same(before.get(i)));
        }
        return to;
    }
}
