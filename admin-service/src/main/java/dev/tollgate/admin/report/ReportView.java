package dev.tollgate.admin.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the report page shows: the chargeback table with its totals row, the charts and the drift table, or why the
 * usage service could not supply them.
 *
 * @param unavailable why there is no report, for the page to say; {@code null} when there is one
 * @param columns the table's headings, group columns first
 * @param groupColumns how many leading columns are group columns
 * @param rows the table's cells, formatted
 * @param totals the totals row's metric cells, formatted
 * @param currency the currency costs are in
 * @param charts daily charts
 * @param drift the newest reconciliation differences, for those who may see them
 */
public record ReportView(
        @Nullable String unavailable,
        List<String> columns,
        int groupColumns,
        List<List<String>> rows,
        List<String> totals,
        String currency,
        List<UsageChart> charts,
        List<Drift> drift) {

    private static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("tenant", "Tenant"),
            Map.entry("cost_center", "Cost center"),
            Map.entry("key", "Key"),
            Map.entry("model", "Model"),
            Map.entry("provider", "Provider"),
            Map.entry("end_user", "End user"),
            Map.entry("requests", "Requests"),
            Map.entry("prompt_tokens", "Prompt tokens"),
            Map.entry("completion_tokens", "Completion tokens"),
            Map.entry("cached_tokens", "Cached tokens"),
            Map.entry("reasoning_tokens", "Reasoning tokens"),
            Map.entry("cost", "Cost"));

    static ReportView unavailable(String why) {
        return new ReportView(why, List.of(), 0, List.of(), List.of(), "USD", List.of(), List.of());
    }

    static ReportView of(ReportQuery query, UsageData usage, Map<String, String> tenantSlugs) {
        Chargeback report = usage.chargeback();
        List<String> columns = new ArrayList<>();
        query.groupBy().forEach(group -> columns.add(heading(group)));
        Chargeback.METRICS.forEach(metric -> columns.add(heading(metric)));
        List<List<String>> rows = report.rows().stream()
                .map(row -> cells(query.groupBy(), row, tenantSlugs))
                .toList();
        List<String> totals = report.totals() == null ? List.of() : metrics(report.totals());
        List<UsageChart> charts = UsageCharts.of(query, usage.byTenant(), usage.byModel(), tenantSlugs);
        return new ReportView(
                null, columns, query.groupBy().size(), rows, totals, report.currency(), charts, usage.drift());
    }

    private static String heading(String column) {
        return column.startsWith("tag:") ? "Tag " + column.substring(4) : HEADINGS.getOrDefault(column, column);
    }

    private static List<String> cells(
            List<String> groups, Map<String, @Nullable Object> row, Map<String, String> tenantSlugs) {
        List<String> cells = new ArrayList<>();
        for (String group : groups) {
            Object value = row.get(group);
            String text = value == null ? "—" : value.toString();
            cells.add("tenant".equals(group) ? tenantSlugs.getOrDefault(text, text) : text);
        }
        cells.addAll(metrics(row));
        return cells;
    }

    private static List<String> metrics(Map<String, @Nullable Object> row) {
        return Chargeback.METRICS.stream()
                .map(metric -> metric(metric, row.get(metric)))
                .toList();
    }

    private static String metric(String metric, @Nullable Object value) {
        if (value == null) {
            return "0";
        }
        BigDecimal number = new BigDecimal(value.toString());
        return "cost".equals(metric)
                ? number.toPlainString()
                : String.format(Locale.ROOT, "%,d", number.longValueExact());
    }

    /** What the usage service answered for one page. */
    public record UsageData(Chargeback chargeback, DailyReport byTenant, DailyReport byModel, List<Drift> drift) {}
}
