package dev.tollgate.usage.reconcile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The drift the job found, newest first. */
@Repository
class DriftRepository {

    private final DatabaseClient database;

    DriftRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Records {@code drift} unless the latest finding for the same budget and period saw exactly the same: a counter
     * left ahead of the ledger would otherwise add a row every round.
     */
    Mono<Void> record(Drift drift) {
        return database.sql("""
                        insert into reconciliation_drift (found_at, budget_id, period_id, scope, scope_id,
                                                          counter_nanos, counter_missing, ledger_nanos, ledger_usd,
                                                          action)
                        select :found_at, :budget_id, :period_id, :scope, :scope_id, :counter_nanos,
                               :counter_missing, :ledger_nanos, :ledger_usd, :action
                        where not exists (
                            select 1 from (select counter_nanos, counter_missing, ledger_nanos, action
                                           from reconciliation_drift
                                           where budget_id = :budget_id and period_id = :period_id
                                           order by id desc limit 1) latest
                            where latest.counter_nanos = :counter_nanos
                              and latest.counter_missing = :counter_missing
                              and latest.ledger_nanos = :ledger_nanos
                              and latest.action = :action)
                        """)
                .bind("found_at", OffsetDateTime.ofInstant(drift.foundAt(), ZoneOffset.UTC))
                .bind("budget_id", drift.budgetId())
                .bind("period_id", drift.periodId())
                .bind("scope", drift.scope())
                .bind("scope_id", drift.scopeId())
                .bind("counter_nanos", drift.counterNanos())
                .bind("counter_missing", drift.counterMissing())
                .bind("ledger_nanos", drift.ledgerNanos())
                .bind("ledger_usd", drift.ledgerUsd())
                .bind("action", drift.action())
                .then();
    }

    Flux<Drift> latest(int limit) {
        return database.sql("""
                        select found_at, budget_id, period_id, scope, scope_id, counter_nanos, counter_missing,
                               ledger_nanos, ledger_usd, action
                        from reconciliation_drift order by found_at desc, id desc limit :limit
                        """)
                .bind("limit", limit)
                .map(row -> new Drift(
                        Objects.requireNonNull(row.get("found_at", OffsetDateTime.class))
                                .toInstant(),
                        Objects.requireNonNull(row.get("budget_id", String.class)),
                        Objects.requireNonNull(row.get("period_id", String.class)),
                        Objects.requireNonNull(row.get("scope", String.class)),
                        Objects.requireNonNull(row.get("scope_id", String.class)),
                        Objects.requireNonNull(row.get("counter_nanos", Long.class)),
                        Objects.requireNonNull(row.get("counter_missing", Boolean.class)),
                        Objects.requireNonNull(row.get("ledger_nanos", Long.class)),
                        Objects.requireNonNull(row.get("ledger_usd", BigDecimal.class)),
                        Objects.requireNonNull(row.get("action", String.class))))
                .all();
    }
}
