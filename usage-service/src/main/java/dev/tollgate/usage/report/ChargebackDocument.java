package dev.tollgate.usage.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chargeback report as text, row by row as the rows arrive. The totals are the exact sum of the printed rows: each
 * row prints its cost at {@link Measures#SCALE} digits without rounding, and the totals add those same decimals.
 */
final class ChargebackDocument {

    static final String CURRENCY = "USD";
    static final String TOTAL = "TOTAL";

    private ChargebackDocument() {}

    // Flux.defer: every subscription gets its own running sum.
    static Flux<String> csv(List<Dimension> groups, Flux<ChargebackRow> rows, boolean totals) {
        return Flux.defer(() -> csv(groups, rows, totals, new Running()));
    }

    static Flux<String> json(ReportPeriod period, List<Dimension> groups, Flux<ChargebackRow> rows) {
        return Flux.defer(() -> json(period, groups, rows, new Running(), new Separator()));
    }

    private static Flux<String> csv(List<Dimension> groups, Flux<ChargebackRow> rows, boolean totals, Running running) {
        return Flux.concat(
                Mono.just(Csv.line(header(groups))),
                rows.map(row -> Csv.line(csvFields(running.add(row)))),
                Mono.fromSupplier(() -> totals ? Csv.line(totalFields(groups.size(), running.sum)) : ""));
    }

    private static Flux<String> json(
            ReportPeriod period,
            List<Dimension> groups,
            Flux<ChargebackRow> rows,
            Running running,
            Separator separator) {
        return Flux.concat(
                Mono.just(Json.head(period) + ",\"rows\":["),
                rows.map(row -> separator.next() + Json.write(jsonRow(groups, running.add(row)))),
                Mono.fromSupplier(() -> "],\"totals\":" + Json.write(measures(running.sum)) + "}"));
    }

    private static List<String> header(List<Dimension> groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(group -> names.add(group.name()));
        names.addAll(List.of(
                "requests",
                "prompt_tokens",
                "completion_tokens",
                "cached_tokens",
                "reasoning_tokens",
                "cost",
                "currency",
                "unpriced_requests"));
        return names;
    }

    private static List<String> csvFields(ChargebackRow row) {
        List<String> fields = new ArrayList<>();
        row.groups().forEach(value -> fields.add(Csv.text(value)));
        fields.addAll(amounts(row.measures()));
        return fields;
    }

    private static List<String> totalFields(int groupCount, Measures sum) {
        List<String> fields = new ArrayList<>();
        fields.add(TOTAL);
        for (int i = 1; i < groupCount; i++) {
            fields.add("");
        }
        fields.addAll(amounts(sum));
        return fields;
    }

    private static List<String> amounts(Measures measures) {
        return List.of(
                String.valueOf(measures.requests()),
                String.valueOf(measures.promptTokens()),
                String.valueOf(measures.completionTokens()),
                String.valueOf(measures.cachedTokens()),
                String.valueOf(measures.reasoningTokens()),
                measures.costText(),
                CURRENCY,
                String.valueOf(measures.unpricedRequests()));
    }

    private static Map<String, Object> jsonRow(List<Dimension> groups, ChargebackRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            fields.put(groups.get(i).name(), row.groups().get(i));
        }
        fields.putAll(measures(row.measures()));
        return fields;
    }

    private static Map<String, Object> measures(Measures measures) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requests", measures.requests());
        fields.put("prompt_tokens", measures.promptTokens());
        fields.put("completion_tokens", measures.completionTokens());
        fields.put("cached_tokens", measures.cachedTokens());
        fields.put("reasoning_tokens", measures.reasoningTokens());
        fields.put("cost", measures.costText());
        fields.put("unpriced_requests", measures.unpricedRequests());
        return fields;
    }

    /** The sum so far of one subscription's rows; each subscription gets its own (see {@code Flux.defer}). */
    private static final class Running {

        private Measures sum = Measures.ZERO;

        ChargebackRow add(ChargebackRow row) {
            sum = sum.plus(row.measures());
            return row;
        }
    }
}
