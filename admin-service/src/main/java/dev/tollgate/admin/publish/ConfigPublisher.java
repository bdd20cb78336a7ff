package dev.tollgate.admin.publish;

import dev.tollgate.admin.publish.ApiTokenSnapshots.PublishedToken;
import dev.tollgate.admin.publish.SnapshotReader.PublishedKey;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.prompt.TemplateKeys;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed changes to Redis in the layout of {@link ConfigKeys}. Called after the change's transaction
 * committed; a failure here is logged and not passed on, because the change is already the truth in Postgres and the
 * periodic resync writes it to Redis within {@code tollgate.publish.resync-interval}.
 */
@Component
public class ConfigPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConfigPublisher.class);

    private final SnapshotReader snapshots;
    private final RouteSnapshots routes;
    private final BudgetSnapshots budgets;
    private final TemplateSnapshots templates;
    private final ApiTokenSnapshots tokens;
    private final RedisWriter writer;
    private final JsonMapper json = PublishedJson.mapper();

    ConfigPublisher(
            SnapshotReader snapshots,
            RouteSnapshots routes,
            BudgetSnapshots budgets,
            TemplateSnapshots templates,
            ApiTokenSnapshots tokens,
            RedisWriter writer) {
        this.snapshots = snapshots;
        this.routes = routes;
        this.budgets = budgets;
        this.templates = templates;
        this.tokens = tokens;
        this.writer = writer;
    }

    /** Republishes a tenant; a suspended one is published with its status, and the gateway refuses its keys. */
    public Mono<Void> tenantChanged(UUID tenantId) {
        return snapshots
                .tenants(tenantId)
                .reduce(new ConfigBatch(), this::addTenant)
                .flatMap(writer::apply)
                .transform(this::quietly);
    }

    /**
     * Republishes a key under each usable secret's hash and deletes its other hashes: all of them once it is revoked,
     * the rotated-out one once its grace period ended.
     */
    public Mono<Void> keyChanged(UUID keyId) {
        return Mono.zip(
                        snapshots.allHashes(keyId).collectList(),
                        snapshots.keys(keyId).collectList())
                .map(hashesAndKeys -> keyBatch(hashesAndKeys.getT1(), hashesAndKeys.getT2()))
                .flatMap(writer::apply)
                .transform(this::quietly);
    }

    /**
     * Republishes the usable API tokens of one user and deletes the rest of their tokens: call it after a token is
     * issued or revoked and after the user is changed, disabled or given a new password.
     */
    public Mono<Void> apiTokensChanged(UUID userId) {
        return Mono.zip(
                        tokens.allHashes(userId).collectList(),
                        tokens.usable(userId).collectList())
                .map(hashesAndTokens -> tokenBatch(hashesAndTokens.getT1(), hashesAndTokens.getT2()))
                .flatMap(writer::apply)
                .transform(this::quietly);
    }

    Flux<PublishedToken> allApiTokens() {
        return tokens.usable(null);
    }

    ConfigBatch addApiToken(ConfigBatch batch, PublishedToken token) {
        String value = json.writeValueAsString(token.snapshot());
        return batch.set(
                AccessKeys.apiToken(token.hash()), value, token.snapshot().expiresAt());
    }

    private ConfigBatch tokenBatch(Collection<String> allHashes, List<PublishedToken> usable) {
        ConfigBatch batch = new ConfigBatch();
        usable.forEach(token -> addApiToken(batch, token));
        List<String> usableHashes = usable.stream().map(PublishedToken::hash).toList();
        allHashes.stream()
                .filter(hash -> !usableHashes.contains(hash))
                .forEach(hash -> batch.delete(AccessKeys.apiToken(hash)));
        return batch;
    }

    /**
     * Asks every gateway to drop cached answers: of one tenant ({@link ConfigChange#CACHE_PURGE}) or of one public
     * model ({@link ConfigChange#CACHE_ROUTE_PURGE}). Unlike republishing, a failure is not left to the resync: the
     * caller learns that the purge did not happen.
     */
    public Mono<Void> cachePurged(String kind, String id) {
        return writer.apply(new ConfigBatch().changed(kind, id));
    }

    /**
     * Republishes a public model with its retry policy, fallbacks and cache settings, or removes it (its key and its
     * member of {@link ConfigKeys#ROUTES}) when it no longer exists; either way announces a {@code route} change.
     */
    public Mono<Void> routeChanged(String model) {
        return routes.route(model)
                .map(route -> routeBatch(new ConfigBatch(), route))
                .defaultIfEmpty(removedRoute(model))
                .flatMap(writer::apply)
                .transform(this::quietly);
    }

    /** Republishes every model that a provider serves, as after its credential was re-sealed. */
    public Mono<Void> providerChanged(UUID providerId) {
        return routes.namesUsing(providerId).concatMap(this::routeChanged).then();
    }

    /** Republishes every budget of one tenant or key as one list, or removes the list when none is left. */
    public Mono<Void> budgetChanged(String scope, UUID scopeId) {
        return budgets.of(scope, scopeId)
                .collectList()
                .map(found -> budgetBatch(new ConfigBatch(), scope, scopeId.toString(), found))
                .flatMap(writer::apply)
                .transform(this::quietly);
    }

    /** Republishes a template's published versions and labels; a template with none published is not in Redis. */
    public Mono<Void> templateChanged(UUID templateId) {
        return templates
                .find(templateId)
                .flatMap(templates::snapshot)
                .map(template -> templateBatch(new ConfigBatch(), template))
                .flatMap(writer::apply)
                .transform(this::quietly);
    }

    ConfigBatch budgetBatch(ConfigBatch batch, String scope, String scopeId, List<BudgetSnapshot> found) {
        String key = BudgetKeys.budgets(scope, scopeId);
        if (found.isEmpty()) {
            batch.delete(key);
        } else {
            batch.set(key, json.writeValueAsString(found), null);
        }
        return batch.changed(BudgetKeys.CHANGE_KIND, BudgetKeys.changeId(scope, scopeId));
    }

    ConfigBatch templateBatch(ConfigBatch batch, TemplateSnapshot template) {
        String key = TemplateKeys.template(template.tenantId(), template.name());
        if (template.versions().isEmpty()) {
            batch.delete(key);
        } else {
            batch.set(key, json.writeValueAsString(template), null);
        }
        return batch.changed(TemplateKeys.CHANGE_KIND, TemplateKeys.changeId(template.tenantId(), template.name()));
    }

    Flux<ModelRoute> allRoutes() {
        return routes.names().concatMap(routes::route);
    }

    Flux<TemplateSnapshot> allTemplates() {
        return templates.all().concatMap(templates::snapshot);
    }

    Flux<BudgetSnapshot> allBudgets() {
        return budgets.of(null, null);
    }

    ConfigBatch addTenant(ConfigBatch batch, TenantSnapshot tenant) {
        return batch.set(ConfigKeys.tenant(tenant.tenantId()), json.writeValueAsString(tenant), null)
                .changed(ConfigChange.TENANT, tenant.tenantId());
    }

    private ConfigBatch keyBatch(Collection<String> allHashes, List<PublishedKey> usable) {
        ConfigBatch batch = new ConfigBatch();
        usable.forEach(key -> addKey(batch, key));
        List<String> usableHashes = usable.stream().map(PublishedKey::hash).toList();
        allHashes.stream()
                .filter(hash -> !usableHashes.contains(hash))
                .forEach(hash -> batch.delete(ConfigKeys.key(hash)).changed(ConfigChange.KEY, hash));
        return batch;
    }

    ConfigBatch addKey(ConfigBatch batch, PublishedKey key) {
        String value = json.writeValueAsString(key.principal());
        return batch.set(ConfigKeys.key(key.hash()), value, key.principal().secretValidUntil())
                .changed(ConfigChange.KEY, key.hash());
    }

    ConfigBatch routeBatch(ConfigBatch batch, ModelRoute route) {
        batch.set(ConfigKeys.route(route.name()), json.writeValueAsString(route), null);
        batch.routesAdded.add(route.name());
        return batch.changed(ConfigChange.ROUTE, route.name());
    }

    private static ConfigBatch removedRoute(String model) {
        ConfigBatch batch = new ConfigBatch().delete(ConfigKeys.route(model));
        batch.routesRemoved.add(model);
        return batch.changed(ConfigChange.ROUTE, model);
    }

    private Mono<Void> quietly(Mono<?> publish) {
        return publish.then().onErrorResume(failure -> {
            log.warn("Publishing to Redis failed; the next resync will repair it: {}", failure.toString());
            return Mono.empty();
        });
    }
}
