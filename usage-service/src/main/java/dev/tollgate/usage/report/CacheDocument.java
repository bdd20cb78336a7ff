package dev.tollgate.usage.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The cache report as CSV or JSON. The totals are the exact sum of the printed rows, as in chargeback. */
final class CacheDocument {

    private static final List<String> COLUMNS =
            List.of("tenant", "requests", "hits", "semantic_hits", "hit_ratio", "saved", "currency");

    private CacheDocument() {}

    // Flux.defer: every subscription gets its own running sum.
    static Flux<String> csv(Flux<CacheRow> rows, boolean totals) {
        return Flux.defer(() -> {
            CacheRow[] sum = {CacheRow.total()};
            return Flux.concat(
                    Mono.just(Csv.line(COLUMNS)),
                    rows.doOnNext(row -> sum[0] = sum[0].plus(row)).map(row -> Csv.line(fields(row))),
                    Mono.fromSupplier(() -> totals ? Csv.line(fields(sum[0])) : ""));
        });
    }

    static Flux<String> json(ReportPeriod period, Flux<CacheRow> rows) {
        return Flux.defer(() -> {
            CacheRow[] sum = {CacheRow.total()};
            Separator separator = new Separator();
            return Flux.concat(
                    Mono.just(Json.head(period) + ",\"rows\":["),
                    rows.doOnNext(row -> sum[0] = sum[0].plus(row))
                            .map(row -> separator.next() + Json.write(json(row, true))),
                    Mono.fromSupplier(() -> "],\"totals\":" + Json.write(json(sum[0], false)) + "}"));
        });
    }

    private static List<String> fields(CacheRow row) {
        return List.of(
                row.tenant(),
                String.valueOf(row.requests()),
                String.valueOf(row.hits()),
                String.valueOf(row.semanticHits()),
                row.hitRatio(),
                row.savedText(),
                ChargebackDocument.CURRENCY);
    }

    private static Map<String, Object> json(CacheRow row, boolean withTenant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (withTenant) {
            fields.put("tenant", row.tenant());
        }
        fields.put("requests", row.requests());
        fields.put("hits", row.hits());
        fields.put("semantic_hits", row.semanticHits());
        fields.put("hit_ratio", row.hitRatio());
        fields.put("saved", row.savedText());
        return fields;
    }
}
