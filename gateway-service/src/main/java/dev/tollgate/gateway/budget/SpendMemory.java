package dev.tollgate.gateway.budget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What this gateway last saw of each budget period's spend (settled plus held), from Redis's admission replies, plus
 * what it admitted alone since Redis stopped answering. While Redis is down a budget keeps admitting only until that
 * sum reaches its limit, and a budget never seen is refused: the budget fails closed.
 */
@Component
public final class SpendMemory {

    private final Cache<String, long[]> seen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    /** Redis says {@code charge}'s period has {@code spentAndHeld} nano-USD spent or held: the new truth. */
    public synchronized void saw(BudgetCharge charge, long spentAndHeld) {
        seen.put(charge.periodKey(), new long[] {spentAndHeld});
    }

    /**
     * Holds a request admitted alone against every blocking charge, or names the first charge it must not pass: at or
     * over the spend last seen, or never seen (so unknown). Checking and holding are one step, so concurrent requests
     * on this instance overshoot a budget by one hold at most, as they do through Redis.
     */
    public synchronized Optional<Refused> holdAlone(List<BudgetCharge> charges) {
        for (BudgetCharge charge : charges) {
            long[] spent = seen.getIfPresent(charge.periodKey());
            if (spent == null) {
                return Optional.of(new Refused(charge, -1));
            }
            if (spent[0] >= charge.limitNanos()) {
                return Optional.of(new Refused(charge, spent[0]));
            }
        }
        charges.forEach(charge -> add(charge, charge.holdNanos()));
        return Optional.empty();
    }

    /**
     * A request ended costing {@code costNanos}: its hold, part of the spend last seen or added alone, becomes that
     * cost, so an outage starting now begins from the spend as it really is.
     */
    public synchronized void settled(List<BudgetCharge> charges, long costNanos) {
        charges.forEach(charge -> add(charge, costNanos - charge.holdNanos()));
    }

    private void add(BudgetCharge charge, long nanos) {
        long[] spent = seen.getIfPresent(charge.periodKey());
        if (spent != null) {
            spent[0] = Math.max(0, spent[0] + nanos);
        }
    }

    /**
     * A budget a request must not pass while Redis is down.
     *
     * @param charge the budget
     * @param spentNanos what was last seen of its spend, {@code -1} when it never was
     */
    public record Refused(BudgetCharge charge, long spentNanos) {

        public boolean unknown() {
            return spentNanos < 0;
        }
    }
}
