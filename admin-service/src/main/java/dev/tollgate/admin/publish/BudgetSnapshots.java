package dev.tollgate.admin.publish;

import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.budget.BudgetSnapshot;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Reads budgets in their published form from Postgres. */
@Component
class BudgetSnapshots {

    private final DatabaseClient database;

    BudgetSnapshots(DatabaseClient database) {
        this.database = database;
    }

    /** The budgets of one scope, or of every scope when both are {@code null}; ordered by scope, then period. */
    Flux<BudgetSnapshot> of(@Nullable String scope, @Nullable UUID scopeId) {
        return database.sql("""
                        select id, scope, scope_id, amount_usd, period, timezone, thresholds, action from budget
                        where (:scope::text is null or scope = :scope) and (:id::uuid is null or scope_id = :id)
                        order by scope, scope_id, period
                        """)
                .bind("scope", Sql.nullable(scope, String.class))
                .bind("id", Sql.nullable(scopeId, UUID.class))
                .map(BudgetSnapshots::snapshot)
                .all();
    }

    private static BudgetSnapshot snapshot(Readable row) {
        BigDecimal amount = row.get("amount_usd", BigDecimal.class);
        Integer[] thresholds = row.get("thresholds", Integer[].class);
        return new BudgetSnapshot(
                String.valueOf(row.get("id", UUID.class)),
                String.valueOf(row.get("scope", String.class)),
                String.valueOf(row.get("scope_id", UUID.class)),
                amount == null ? "0" : amount.stripTrailingZeros().toPlainString(),
                String.valueOf(row.get("period", String.class)),
                String.valueOf(row.get("timezone", String.class)),
                thresholds == null ? List.of() : Arrays.asList(thresholds),
                String.valueOf(row.get("action", String.class)));
    }
}
