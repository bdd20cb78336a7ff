package dev.tollgate.usage.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Priced spend of one budget scope over one period, as the ledger knows it. Called from the job's own thread. */
@Repository
class LedgerSpend {

    // nanos adds each request rounded up to the next nano-dollar, exactly as the gateway charges its counter.
    private static final String SPEND = """
            select coalesce(sum(cost_usd), 0) as usd,
                   coalesce(sum(ceil(cost_usd * 1000000000)), 0)::bigint as nanos,
                   min(tenant_id::text) as tenant
            from usage_ledger
            where %s = :scope_id and priced and occurred_at >= :start and occurred_at < :end
            """;

    private final DatabaseClient database;

    LedgerSpend(DatabaseClient database) {
        this.database = database;
    }

    /** Spend of {@code scope} ({@code tenant} or {@code key}) {@code scopeId} from {@code start} to {@code end}. */
    Spend spend(String scope, String scopeId, Instant start, @Nullable Instant end) {
        String column = scope.equals("key") ? "key_id" : "tenant_id";
        Instant until = end == null ? Instant.parse("9999-01-01T00:00:00Z") : end;
        return Objects.requireNonNull(database.sql(SPEND.formatted(column))
                .bind("scope_id", UUID.fromString(scopeId))
                .bind("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .bind("end", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .map(row -> new Spend(
                        Objects.requireNonNull(row.get("usd", BigDecimal.class)),
                        Objects.requireNonNull(row.get("nanos", Long.class)),
                        row.get("tenant", String.class)))
                .one()
                .block());
    }

    /**
     * @param usd the exact sum
     * @param nanos the sum of each request's cost rounded up to a nano-dollar: what the counter should hold
     * @param tenantId the tenant the spend belongs to; {@code null} when there is none
     */
    record Spend(BigDecimal usd, long nanos, @Nullable String tenantId) {}
}
