package dev.tollgate.usage.report;

import dev.tollgate.usage.problem.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One column a chargeback report can group by; its name is also its column name in CSV and JSON.
 *
 * @param name {@code tenant}, {@code cost_center}, {@code key}, {@code model}, {@code provider}, {@code end_user} or
 *     {@code tag:<name>}
 * @param column its ledger and rollup column; {@code null} for a tag, which only the ledger's {@code tags} holds
 * @param tag the tag's name, for {@code tag:<name>}
 */
record Dimension(
        String name, @Nullable String column, @Nullable String tag) {

    private static final List<String> COLUMNS =
            List.of("tenant", "cost_center", "key", "model", "provider", "end_user");
    private static final String TAG = "tag:";
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** Reads {@code group_by}: comma-separated, each at most once; {@code tenant} when absent. */
    static List<Dimension> parseAll(@Nullable String groupBy) {
        if (groupBy == null) {
            return List.of(of("tenant"));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : groupBy.split(",", -1)) {
            if (!names.add(name.trim())) {
                throw UsageException.badParameter("group_by", "group_by names " + name.trim() + " twice");
            }
        }
        List<Dimension> dimensions = new ArrayList<>();
        names.forEach(name -> dimensions.add(of(name)));
        return List.copyOf(dimensions);
    }

    static Dimension of(String name) {
        if (COLUMNS.contains(name)) {
            return new Dimension(name, columnOf(name), null);
        }
        if (name.startsWith(TAG)
                && TAG_NAME.matcher(name.substring(TAG.length())).matches()) {
            return new Dimension(name, null, name.substring(TAG.length()));
        }
        throw UsageException.badParameter(
                "group_by",
                "Unknown group_by " + name + "; use tenant, cost_center, key, model, provider, end_user or tag:<name>");
    }

    boolean isTag() {
        return tag != null;
    }

    /** The SQL giving this column as text: the same value from the ledger as from a rollup. */
    String sql(ReportSource source, int index) {
        if (tag != null) {
            return "coalesce(tags ->> :tag" + index + ", '')";
        }
        return switch (name) {
            case "tenant" -> "tenant_id::text";
            case "key" -> "key_id::text";
            default -> source == ReportSource.LEDGER ? "coalesce(" + column + ", '')" : column;
        };
    }

    private static String columnOf(String name) {
        return switch (name) {
            case "tenant" -> "tenant_id";
            case "key" -> "key_id";
            default -> name;
        };
    }
}
