package dev.tollgate.gateway.admission;

import dev.tollgate.gateway.budget.BudgetCharge;
import dev.tollgate.gateway.ratelimit.Limits;
import java.util.List;

/**
 * What one request must be admitted against.
 *
 * @param eventId the request's usage event id, which names its holds
 * @param subjects the key and the tenant, where they have limits
 * @param tokens the tokens charged to their limits up front: the prompt plus the output cap
 * @param charges every budget that applies, blocking or alerting
 */
record AdmissionPlan(String eventId, List<Limits> subjects, long tokens, List<BudgetCharge> charges) {

    /** The budgets that refuse requests once spent; only these hold. */
    List<BudgetCharge> blocking() {
        return charges.stream().filter(BudgetCharge::blocks).toList();
    }

    /** Whether anything must be decided before the request goes on. */
    boolean decides() {
        return !subjects.isEmpty() || charges.stream().anyMatch(BudgetCharge::blocks);
    }
}
