package dev.tollgate.admin.budget;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class BudgetRepository {

    private static final String COLUMNS = "id, scope, scope_id, tenant_id, amount_usd, period, timezone, thresholds,"
            + " action, created_at, updated_at";
    private static final String FILTER = "(:tenant::uuid is null or tenant_id = :tenant)"
            + " and (:scope::text is null or scope = :scope) and (:scope_id::uuid is null or scope_id = :scope_id)";

    private final DatabaseClient database;

    BudgetRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<BudgetView> insert(UUID tenantId, BudgetForm form) {
        return database.sql("""
                        insert into budget (scope, scope_id, tenant_id, amount_usd, period, timezone, thresholds, action)
                        values (:scope, :scope_id, :tenant, :amount, :period, :timezone, :thresholds, :action)
                        returning\s""" + COLUMNS)
                .bind("scope", String.valueOf(form.scope()))
                .bind("scope_id", form.scopeId())
                .bind("tenant", tenantId)
                .bind("amount", form.amountUsd())
                .bind("period", String.valueOf(form.period()))
                .bind("timezone", form.timezoneOrUtc())
                .bind("thresholds", form.thresholdsOrDefault().toArray(Integer[]::new))
                .bind("action", form.actionOrBlock())
                .map(BudgetRepository::view)
                .one();
    }

    Mono<BudgetView> update(UUID id, BudgetForm form) {
        return database.sql("""
                        update budget set amount_usd = :amount, period = :period, timezone = :timezone,
                            thresholds = :thresholds, action = :action, updated_at = now()
                        where id = :id returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("amount", form.amountUsd())
                .bind("period", String.valueOf(form.period()))
                .bind("timezone", form.timezoneOrUtc())
                .bind("thresholds", form.thresholdsOrDefault().toArray(Integer[]::new))
                .bind("action", form.actionOrBlock())
                .map(BudgetRepository::view)
                .one();
    }

    Mono<Void> delete(UUID id) {
        return database.sql("delete from budget where id = :id").bind("id", id).then();
    }

    Mono<BudgetView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from budget where id = :id")
                .bind("id", id)
                .map(BudgetRepository::view)
                .one();
    }

    /** Locks the row for the rest of the transaction, so concurrent changes are audited in order. */
    Mono<BudgetView> findForUpdate(UUID id) {
        return database.sql("select " + COLUMNS + " from budget where id = :id for update")
                .bind("id", id)
                .map(BudgetRepository::view)
                .one();
    }

    /** The tenant a virtual key belongs to; empty when there is no such key. */
    Mono<UUID> tenantOfKey(UUID keyId) {
        return database.sql("select tenant_id from virtual_key where id = :id")
                .bind("id", keyId)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Flux<BudgetView> page(BudgetFilter filter, Paging paging) {
        return filter.bind(database.sql("select " + COLUMNS + " from budget where " + FILTER
                                + " order by created_at, id limit :limit offset :offset")
                        .bind("limit", paging.size())
                        .bind("offset", paging.offset()))
                .map(BudgetRepository::view)
                .all();
    }

    Mono<Long> count(BudgetFilter filter) {
        return filter.bind(database.sql("select count(*) from budget where " + FILTER))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static BudgetView view(Readable row) {
        Integer[] thresholds = row.get("thresholds", Integer[].class);
        BigDecimal amount = row.get("amount_usd", BigDecimal.class);
        return new BudgetView(
                row.get("id", UUID.class),
                row.get("scope", String.class),
                row.get("scope_id", UUID.class),
                row.get("tenant_id", UUID.class),
                amount == null ? "0" : amount.stripTrailingZeros().toPlainString(),
                row.get("period", String.class),
                row.get("timezone", String.class),
                thresholds == null ? java.util.List.of() : Arrays.asList(thresholds),
                row.get("action", String.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    /**
     * Which budgets a list shows.
     *
     * @param tenantId only this tenant's; all tenants' when {@code null}
     * @param scope only this scope's
     * @param scopeId only this tenant's or key's
     */
    record BudgetFilter(
            @Nullable UUID tenantId,
            @Nullable String scope,
            @Nullable UUID scopeId) {

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            return spec.bind("tenant", Sql.nullable(tenantId, UUID.class))
                    .bind("scope", Sql.nullable(scope, String.class))
                    .bind("scope_id", Sql.nullable(scopeId, UUID.class));
        }
    }
}
