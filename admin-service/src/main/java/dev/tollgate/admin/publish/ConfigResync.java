package dev.tollgate.admin.publish;

import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.guardrail.GuardrailKeys;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import dev.tollgate.model.prompt.TemplateKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rewrites everything from Postgres and deletes what Redis holds beyond it, then announces {@code all}. Redis is
 * scanned <em>before</em> Postgres is read, so an entry published between the two is never mistaken for a stale one.
 * A change committed while a resync runs may be overwritten by the older read; the next resync repairs it.
 */
@Component
class ConfigResync {

    private final SnapshotReader snapshots;
    private final ConfigPublisher publisher;
    private final RedisWriter writer;
    private final BlockingRedis redis;
    private final GuardrailPublisher guardrails;

    ConfigResync(
            SnapshotReader snapshots,
            ConfigPublisher publisher,
            RedisWriter writer,
            BlockingRedis redis,
            GuardrailPublisher guardrails) {
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.writer = writer;
        this.redis = redis;
        this.guardrails = guardrails;
    }

    Mono<ResyncResult> run() {
        return Flux.concat(
                        redis.scan(ConfigKeys.key("*")),
                        redis.scan(ConfigKeys.route("*")),
                        owned(BudgetKeys.SCAN_PATTERN, BudgetKeys.PUBLISHED),
                        owned(TemplateKeys.SCAN_PATTERN, TemplateKeys.PUBLISHED),
                        owned(GuardrailKeys.SCAN_PATTERN, GuardrailKeys.PUBLISHED),
                        owned(AccessKeys.API_TOKEN_SCAN_PATTERN, ApiTokenSnapshots.PUBLISHED))
                .collect(HashSet<String>::new, Set::addAll)
                .flatMap(this::rewrite);
    }

    /** The keys matching {@code pattern} that have exactly the published shape, so no one else's key is deleted. */
    private Mono<List<String>> owned(String pattern, Pattern shape) {
        return redis.scan(pattern)
                .map(keys -> keys.stream()
                        .filter(key -> shape.matcher(key).matches())
                        .toList());
    }

    private Mono<ResyncResult> rewrite(Set<String> published) {
        ConfigBatch batch = new ConfigBatch();
        batch.replaceRoutes = true;
        return snapshots
                .tenants(null)
                .doOnNext(tenant -> publisher.addTenant(batch, tenant))
                .thenMany(snapshots.keys(null))
                .doOnNext(key -> publisher.addKey(batch, key))
                .thenMany(publisher.allRoutes())
                .doOnNext(route -> publisher.routeBatch(batch, route))
                .thenMany(publisher.allBudgets().collectMultimap(ConfigResync::scopeOf))
                .doOnNext(byScope -> byScope.forEach((scope, budgets) ->
                        publisher.budgetBatch(batch, scope.get(0), scope.get(1), List.copyOf(budgets))))
                .thenMany(publisher.allTemplates())
                .doOnNext(template -> publisher.templateBatch(batch, template))
                .thenMany(guardrails.all().collectMultimap(ConfigResync::policyScopeOf))
                .doOnNext(byScope -> byScope.forEach((scope, policies) ->
                        guardrails.batch(batch, scope.get(0), scope.get(1), List.copyOf(policies))))
                .thenMany(publisher.allApiTokens())
                .doOnNext(token -> publisher.addApiToken(batch, token))
                .then(Mono.fromSupplier(() -> finish(batch, published)))
                .flatMap(result -> writer.apply(batch).thenReturn(result));
    }

    private static ResyncResult finish(ConfigBatch batch, Set<String> published) {
        Set<String> stale = new HashSet<>(published);
        batch.writes.forEach(write -> stale.remove(write.key()));
        stale.forEach(batch::delete);
        // Only the one "all" announcement: gateways drop their whole cache once instead of once per entry.
        batch.changes.clear();
        batch.changed(ConfigChange.ALL, "");
        return new ResyncResult(batch.writes.size(), stale.size());
    }

    private static List<String> scopeOf(BudgetSnapshot budget) {
        return List.of(budget.scope(), budget.scopeId());
    }

    private static List<String> policyScopeOf(GuardrailPolicy policy) {
        return List.of(policy.scope(), policy.scopeId());
    }

    /**
     * @param written entries written
     * @param deleted stale entries deleted
     */
    record ResyncResult(int written, int deleted) {}
}
