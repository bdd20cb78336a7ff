package dev.tollgate.admin.publish;

import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.budget.SpendKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads what budgets have spent in their current period from the gateway's live counters (see {@link SpendKeys}), for
 * the console to show; it never decides anything. One MGET for all the budgets asked about.
 */
@Component
public class LiveSpend {

    private final BlockingRedis redis;

    LiveSpend(BlockingRedis redis) {
        this.redis = redis;
    }

    /** The budget to read: its id and how its periods are cut. */
    public record Budget(String id, String period, String timezone) {}

    /**
     * Settled and held spend in the current period, in dollars.
     *
     * @param periodId the period read, as {@link BudgetWindow#id()}
     */
    public record Spent(String periodId, BigDecimal spentUsd, BigDecimal heldUsd) {}

    /** What each budget has spent this period, by budget id; a budget with no counter yet has spent nothing. */
    public Mono<Map<String, Spent>> of(List<Budget> budgets, Instant now) {
        if (budgets.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> periods =
                budgets.stream().map(budget -> periodOf(budget, now)).toList();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            keys.add(SpendKeys.spent(budgets.get(i).id(), periods.get(i)));
            keys.add(SpendKeys.held(budgets.get(i).id(), periods.get(i)));
        }
        return redis.call(jedis -> jedis.mget(keys.toArray(String[]::new)))
                .map(values -> spent(budgets, periods, values));
    }

    private static String periodOf(Budget budget, Instant now) {
        return BudgetWindow.of(budget.period(), ZoneId.of(budget.timezone()), now)
                .id();
    }

    private static Map<String, Spent> spent(List<Budget> budgets, List<String> periods, List<@Nullable String> values) {
        Map<String, Spent> spent = new HashMap<>();
        for (int i = 0; i < budgets.size(); i++) {
            spent.put(
                    budgets.get(i).id(), new Spent(periods.get(i), usd(values.get(2 * i)), usd(values.get(2 * i + 1))));
        }
        return spent;
    }

    private static BigDecimal usd(@Nullable String nanos) {
        return nanos == null ? BigDecimal.ZERO : SpendKeys.usd(Math.max(0, Long.parseLong(nanos)));
    }
}
