package dev.tollgate.usage.report;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Usage of one prompt template per version and label, from the ledger's {@code template_*} and {@code latency_ms}.
 * Postgres computes the totals row too ({@code grouping sets}), because a percentile over all requests is not a sum of
 * the rows' percentiles.
 */
@Repository
class TemplateRepository {

    private final DatabaseClient database;

    TemplateRepository(DatabaseClient database) {
        this.database = database;
    }

    /** The rows sorted by version then label (byte order), then the totals row, whose version is {@code null}. */
    Flux<TemplateRow> rows(ReportScope scope, String template) {
        String sql = "select * from (select template_version, coalesce(template_label, '') as label, "
                + ReportSource.LEDGER.measures()
                + ", round(avg(latency_ms), 1), percentile_disc(0.95) within group (order by latency_ms),"
                + " grouping(template_version) as total from usage_ledger"
                + ReportStatements.where(ReportSource.LEDGER, scope) + " and template_name = :template"
                + " group by grouping sets ((template_version, coalesce(template_label, '')), ())) grouped"
                + " order by total, template_version, label collate \"C\"";
        return ReportStatements.bind(database.sql(sql), ReportSource.LEDGER, scope)
                .bind("template", template)
                .map(TemplateRepository::row)
                .all();
    }

    private static TemplateRow row(Readable row) {
        String label = row.get(1, String.class);
        return new TemplateRow(
                row.get(0, Integer.class),
                label == null ? "" : label,
                Measures.read(row, 2),
                row.get(9, BigDecimal.class),
                row.get(10, Long.class));
    }
}
