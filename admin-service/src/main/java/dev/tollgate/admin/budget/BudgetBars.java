package dev.tollgate.admin.budget;

import dev.tollgate.admin.publish.LiveSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Spent-versus-limit bars for budgets, from the gateway's live counters in Redis. Fails open to no bars: the page still
 * shows each budget's limit when Redis cannot answer, because the bars only inform and never decide.
 */
@Component
public class BudgetBars {

    private static final Logger log = LoggerFactory.getLogger(BudgetBars.class);

    private final LiveSpend spend;

    BudgetBars(LiveSpend spend) {
        this.spend = spend;
    }

    /** A bar per budget id; empty when live spend cannot be read. */
    public Mono<Map<UUID, BudgetBar>> of(List<BudgetView> budgets) {
        List<LiveSpend.Budget> asked = budgets.stream()
                .map(budget -> new LiveSpend.Budget(budget.id().toString(), budget.period(), budget.timezone()))
                .toList();
        return spend.of(asked, Instant.now()).map(spent -> bars(budgets, spent)).onErrorResume(failure -> {
            log.warn("Reading live budget spend from Redis failed: {}", failure.toString());
            return Mono.just(Map.of());
        });
    }

    private static Map<UUID, BudgetBar> bars(List<BudgetView> budgets, Map<String, LiveSpend.Spent> spent) {
        return budgets.stream()
                .filter(budget -> spent.containsKey(budget.id().toString()))
                .collect(Collectors.toMap(
                        BudgetView::id,
                        budget -> bar(budget, spent.get(budget.id().toString()))));
    }

    private static BudgetBar bar(BudgetView budget, LiveSpend.Spent spent) {
        return BudgetBar.of(spent.periodId(), spent.spentUsd(), spent.heldUsd(), new BigDecimal(budget.amountUsd()));
    }
}
