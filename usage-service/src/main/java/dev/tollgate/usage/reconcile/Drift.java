package dev.tollgate.usage.reconcile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A difference between a budget's live counter and the ledger, and what the job did about it.
 *
 * @param foundAt when it was found
 * @param budgetId the budget
 * @param periodId the period ({@code BudgetWindow.id()})
 * @param scope {@code tenant} or {@code key}
 * @param scopeId the tenant's or key's id
 * @param counterNanos the counter's value when read, 0 when missing
 * @param counterMissing whether the counter key was gone
 * @param ledgerNanos what the counter should hold by the ledger: each request rounded up to a nano-dollar
 * @param ledgerUsd the ledger's exact spend
 * @param action {@code raised} or {@code recorded}
 */
record Drift(
        Instant foundAt,
        String budgetId,
        String periodId,
        String scope,
        String scopeId,
        long counterNanos,
        boolean counterMissing,
        long ledgerNanos,
        BigDecimal ledgerUsd,
        String action) {

    static final String RAISED = "raised";
    static final String RECORDED = "recorded";
}
