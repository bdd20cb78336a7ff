package dev.tollgate.admin.alert;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class DeliveryRepository {

    private static final String VIEW_COLUMNS =
            "alert_id, tenant_id, payload->>'tenant_slug' as tenant_slug, payload->>'budget_id' as budget_id,"
                    + " payload->>'period_id' as period_id, payload->>'threshold_percent' as threshold_percent, status,"
                    + " attempts, last_status_code, last_error, next_attempt_at, delivered_at, created_at";
    private static final String TENANT_FILTER = "(:tenant::uuid is null or tenant_id = :tenant)";
    // Claiming pushes next_attempt_at forward by the lease, so a claim commits at once and no row lock is held while
    // the webhook is called; SKIP LOCKED lets several admin instances claim side by side without waiting on each other.
    private static final String CLAIM_SQL = """
            update alert_delivery d set next_attempt_at = now() + make_interval(secs => :lease), updated_at = now()
            from (select id from alert_delivery where status = 'pending' and next_attempt_at <= now()
                  order by next_attempt_at limit :batch for update skip locked) due
            where d.id = due.id
            returning d.id, d.alert_id, d.tenant_id, d.payload::text as payload, d.attempts
            """;

    private final DatabaseClient database;

    DeliveryRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Files an alert unless one with the same id exists; completes with whether this call filed it. */
    Mono<Boolean> insert(NewDelivery delivery) {
        return database.sql("""
                        insert into alert_delivery (alert_id, tenant_id, payload, status, next_attempt_at, last_error,
                            stream_entry_id)
                        values (:alert, :tenant, :payload, :status,
                            case when :status = 'pending' then now() end, :error, :entry)
                        on conflict (alert_id) do nothing
                        """)
                .bind("alert", delivery.alertId())
                .bind("tenant", Sql.nullable(delivery.tenantId(), UUID.class))
                .bind("payload", Json.of(delivery.payload()))
                .bind("status", delivery.status())
                .bind("error", Sql.nullable(delivery.error(), String.class))
                .bind("entry", delivery.streamEntryId())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    Flux<DueDelivery> claimDue(int batch, Duration lease) {
        return database.sql(CLAIM_SQL)
                .bind("lease", lease.toMillis() / 1000.0)
                .bind("batch", batch)
                .map(row -> new DueDelivery(
                        row.get("id", Long.class),
                        row.get("alert_id", String.class),
                        row.get("tenant_id", UUID.class),
                        row.get("payload", String.class),
                        row.get("attempts", Integer.class)))
                .all();
    }

    /** Records one post; {@code status} is the delivery's status after it. */
    Mono<Void> recordAttempt(
            long id,
            String status,
            @Nullable Integer statusCode,
            @Nullable String error,
            @Nullable Instant nextAttemptAt) {
        return database.sql("""
                        update alert_delivery set status = :status, attempts = attempts + 1,
                            last_status_code = :code, last_error = :error, next_attempt_at = :next,
                            delivered_at = case when :status = 'delivered' then now() end, updated_at = now()
                        where id = :id
                        """)
                .bind("id", id)
                .bind("status", status)
                .bind("code", Sql.nullable(statusCode, Integer.class))
                .bind("error", Sql.nullable(error, String.class))
                .bind("next", Sql.nullable(nextAttemptAt, Instant.class))
                .then();
    }

    /** Closes a delivery without a post: the tenant has no enabled webhook. */
    Mono<Void> skip(long id, String reason) {
        return database.sql("update alert_delivery set status = 'skipped', next_attempt_at = null,"
                        + " last_error = :reason, updated_at = now() where id = :id")
                .bind("id", id)
                .bind("reason", reason)
                .then();
    }

    Flux<DeliveryView> page(@Nullable UUID tenantId, Paging paging) {
        return database.sql("select " + VIEW_COLUMNS + " from alert_delivery where " + TENANT_FILTER
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(DeliveryRepository::view)
                .all();
    }

    Mono<Long> count(@Nullable UUID tenantId) {
        return database.sql("select count(*) from alert_delivery where " + TENANT_FILTER)
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static DeliveryView view(Readable row) {
        String threshold = row.get("threshold_percent", String.class);
        Integer attempts = row.get("attempts", Integer.class);
        return new DeliveryView(
                String.valueOf(row.get("alert_id", String.class)),
                row.get("tenant_id", UUID.class),
                row.get("tenant_slug", String.class),
                row.get("budget_id", String.class),
                row.get("period_id", String.class),
                threshold == null || !threshold.matches("\\d{1,3}") ? null : Integer.valueOf(threshold),
                String.valueOf(row.get("status", String.class)),
                attempts == null ? 0 : attempts,
                row.get("last_status_code", Integer.class),
                row.get("last_error", String.class),
                row.get("next_attempt_at", Instant.class),
                row.get("delivered_at", Instant.class),
                row.get("created_at", Instant.class));
    }

    /** An alert to file. {@code status} is {@code pending}, or {@code failed} for a malformed entry. */
    record NewDelivery(
            String alertId,
            @Nullable UUID tenantId,
            String payload,
            String status,
            @Nullable String error,
            String streamEntryId) {}

    /** A delivery a worker has claimed for one attempt. */
    record DueDelivery(long id, String alertId, @Nullable UUID tenantId, String payload, int attempts) {}
}
