package dev.tollgate.usage.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** The template comparison as CSV or JSON: one row per version and label, then the totals. */
final class TemplateDocument {

    private static final List<String> COLUMNS = List.of(
            "version",
            "label",
            "requests",
            "prompt_tokens",
            "completion_tokens",
            "cost",
            "currency",
            "unpriced_requests",
            "avg_latency_ms",
            "p95_latency_ms");

    private TemplateDocument() {}

    /** {@code rows} ends with the totals row (version {@code null}), printed only when {@code totals}. */
    static Flux<String> csv(Flux<TemplateRow> rows, boolean totals) {
        return Flux.concat(
                Flux.just(Csv.line(COLUMNS)),
                rows.filter(row -> totals || row.version() != null).map(row -> Csv.line(csvFields(row))));
    }

    static Flux<String> json(ReportPeriod period, String template, Flux<TemplateRow> rows) {
        return rows.collectList().map(all -> document(period, template, all)).flux();
    }

    private static String document(ReportPeriod period, String template, List<TemplateRow> all) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        Map<String, @Nullable Object> totals = Map.of();
        for (TemplateRow row : all) {
            if (row.version() == null) {
                totals = fields(row);
            } else {
                rows.add(fields(row));
            }
        }
        return Json.head(period) + ",\"template\":" + Json.write(template) + ",\"rows\":" + Json.write(rows)
                + ",\"totals\":" + Json.write(totals) + "}";
    }

    private static List<String> csvFields(TemplateRow row) {
        Measures measures = row.measures();
        return List.of(
                row.version() == null ? ChargebackDocument.TOTAL : String.valueOf(row.version()),
                Csv.text(row.label()),
                String.valueOf(measures.requests()),
                String.valueOf(measures.promptTokens()),
                String.valueOf(measures.completionTokens()),
                measures.costText(),
                ChargebackDocument.CURRENCY,
                String.valueOf(measures.unpricedRequests()),
                row.averageLatencyMs() == null ? "" : row.averageLatencyMs().toPlainString(),
                row.p95LatencyMs() == null ? "" : String.valueOf(row.p95LatencyMs()));
    }

    private static Map<String, @Nullable Object> fields(TemplateRow row) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        if (row.version() != null) {
            fields.put("version", row.version());
            fields.put("label", row.label());
        }
        Measures measures = row.measures();
        fields.put("requests", measures.requests());
        fields.put("prompt_tokens", measures.promptTokens());
        fields.put("completion_tokens", measures.completionTokens());
        fields.put("cost", measures.costText());
        fields.put("unpriced_requests", measures.unpricedRequests());
        fields.put("avg_latency_ms", row.averageLatencyMs());
        fields.put("p95_latency_ms", row.p95LatencyMs());
        return fields;
    }
}
