package dev.tollgate.usage.report;

import java.math.BigDecimal;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Cache hits and savings per tenant, from the ledger's {@code cache_hit} and {@code cache_saved_usd}. */
@Repository
class CacheRepository {

    private static final String ANSWERED = "(status = 'success' or cache_hit is not null)";

    private final DatabaseClient database;

    CacheRepository(DatabaseClient database) {
        this.database = database;
    }

    /** One row per tenant with answered requests in the period, sorted by tenant id. */
    Flux<CacheRow> rows(ReportScope scope) {
        String sql = "select tenant_id::text, count(*), count(*) filter (where cache_hit = 'hit'),"
                + " count(*) filter (where cache_hit = 'semantic-hit'), coalesce(sum(cache_saved_usd), 0)"
                + " from usage_ledger" + ReportStatements.where(ReportSource.LEDGER, scope) + " and " + ANSWERED
                + " group by 1 order by tenant_id::text collate \"C\"";
        GenericExecuteSpec spec =
                database.sql(sql).filter(statement -> statement.fetchSize(ReportStatements.FETCH_SIZE));
        return ReportStatements.bind(spec, ReportSource.LEDGER, scope)
                .map(row -> new CacheRow(
                        Objects.requireNonNull(row.get(0, String.class)),
                        Objects.requireNonNull(row.get(1, Long.class)),
                        Objects.requireNonNull(row.get(2, Long.class)),
                        Objects.requireNonNull(row.get(3, Long.class)),
                        Objects.requireNonNull(row.get(4, BigDecimal.class)).setScale(Measures.SCALE)))
                .all();
    }
}
