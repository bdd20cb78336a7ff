package dev.tollgate.gateway.admission;

import dev.tollgate.gateway.budget.SpendMemory;
import dev.tollgate.gateway.ratelimit.Limits;
import dev.tollgate.gateway.redis.ScriptCall;
import dev.tollgate.gateway.usage.UsageHold;
import dev.tollgate.model.budget.SpendKeys;
import dev.tollgate.model.usage.UsageRecorded;
import java.time.Instant;
import java.util.List;

/**
 * What an admitted request holds, settled with its usage event by one {@code settle.lua}: the tokens charged to its
 * shared limits corrected by what it used, its budget holds released and its cost added to every budget.
 *
 * @param plan what it was admitted against
 * @param corrected the limits whose tokens Redis charged (none when this instance decided alone)
 * @param scripts the settle script
 * @param memory what this instance remembers of budget spend, corrected from the hold to the real cost
 */
record SettleHold(AdmissionPlan plan, List<Limits> corrected, AdmissionScripts scripts, SpendMemory memory)
        implements UsageHold {

    @Override
    public List<ScriptCall> release(UsageRecorded event) {
        long cost = event.costUsd() == null ? 0 : SpendKeys.nanos(event.costUsd());
        memory.settled(plan.blocking(), cost);
        long delta = event.promptTokens() + event.completionTokens() - plan.tokens();
        List<Limits> tokens =
                corrected.stream().filter(limits -> limits.tokens() > 0).toList();
        if (plan.charges().isEmpty() && (tokens.isEmpty() || delta == 0)) {
            return List.of();
        }
        return List.of(scripts.settle(plan, tokens, delta, cost, Instant.now()));
    }
}
