package dev.tollgate.gateway.testing;

import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.budget.SpendKeys;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.guardrail.GuardrailKeys;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import dev.tollgate.model.key.KeyHasher;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.prompt.TemplateKeys;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.route.ProviderSnapshot;
import dev.tollgate.model.route.SecretSealer;
import dev.tollgate.model.tenant.TenantSnapshot;
import dev.tollgate.testsupport.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the admin service in tests: publishes keys, tenants and routes into the real test Redis with the same layout
 * and secrets, and announces changes. Every name it makes carries a random run id, so test classes never see each
 * other's data; {@link #close()} deletes everything it wrote.
 */
public final class ControlPlane implements AutoCloseable {

    public static final String KEY_HASH_SECRET = "tollgate-test-key-hash-secret-0123456789";
    public static final String MASTER_KEY_ID = "k1";
    public static final String MASTER_KEY =
            Base64.getEncoder().encodeToString("tollgate-test-master-key-32bytes".getBytes(StandardCharsets.UTF_8));

    private static final JsonMapper json = JsonMapper.builder().build();

    private final JedisPooled redis;
    private final KeyHasher hasher = new KeyHasher(KEY_HASH_SECRET);
    private final SecretSealer sealer = new SecretSealer(MASTER_KEY_ID, Map.of(MASTER_KEY_ID, MASTER_KEY));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<String> written = new LinkedHashSet<>();
    private final Set<String> routes = new LinkedHashSet<>();
    private final Map<String, KeyPrincipal> keys = new HashMap<>();
    private @Nullable String defaultTenant;

    /** Publishes into the shared test Redis. */
    public ControlPlane() {
        this(TestInfrastructure.redisUri());
    }

    /** Publishes into the Redis at {@code redisUri}, such as one a test starts and stops itself. */
    public ControlPlane(String redisUri) {
        this.redis = new JedisPooled(URI.create(redisUri));
    }

    /** The published key behind {@code secret}. */
    public KeyPrincipal principal(String secret) {
        return keys.get(secret);
    }

    /** A name unique to this run, such as {@code gpt-4o-1a2b3c4d}. */
    public String unique(String name) {
        return name + "-" + run;
    }

    /** Publishes a tenant and returns its id. */
    public String tenant(String status) {
        String id = unique("tenant" + counter.incrementAndGet());
        write(ConfigKeys.tenant(id), new TenantSnapshot(id, id, "cc-test", status));
        return id;
    }

    /** Publishes an active key of an active tenant that may use {@code models} ({@code "*"} for all). */
    public String key(String... models) {
        return tenantKey(defaultTenant(), KeyPrincipal.ACTIVE, null, null, models);
    }

    /** Publishes a key of {@code tenantId} and returns its secret. */
    public String tenantKey(
            String tenantId,
            String status,
            @Nullable Instant expiresAt,
            @Nullable Instant secretValidUntil,
            String... models) {
        String secret = newSecret();
        publishKey(secret, tenantId, status, expiresAt, secretValidUntil, models);
        return secret;
    }

    /**
     * Publishes an active key of an active tenant with limits and returns its secret.
     *
     * @param rpm requests per minute, {@code null} for none
     * @param tpm tokens per minute, {@code null} for none
     * @param maxTokens output cap per request, {@code null} for none
     */
    public String limitedKey(
            @Nullable Integer rpm, @Nullable Integer tpm, @Nullable Integer maxTokens, String... models) {
        String secret = newSecret();
        KeyPrincipal key = new KeyPrincipal(
                unique("key" + counter.incrementAndGet()),
                defaultTenant(),
                "test app",
                secret.substring(0, 8),
                List.of(models),
                rpm,
                tpm,
                maxTokens,
                KeyPrincipal.ACTIVE,
                null,
                null);
        write(ConfigKeys.key(hasher.hash(secret)), key);
        keys.put(secret, key);
        return secret;
    }

    /** Publishes an active tenant with tenant-wide limits and returns its id. */
    public String limitedTenant(@Nullable Integer rpm, @Nullable Integer tpm) {
        String id = unique("tenant" + counter.incrementAndGet());
        write(ConfigKeys.tenant(id), new TenantSnapshot(id, id, "cc-test", TenantSnapshot.ACTIVE, rpm, tpm));
        return id;
    }

    /**
     * Publishes the budgets of one scope ({@code key} or {@code tenant}), replacing any it had, and announces them.
     * Their spend counters are deleted on {@link #close()}.
     */
    public void budgets(String scope, String scopeId, List<BudgetSnapshot> budgets) {
        write(BudgetKeys.budgets(scope, scopeId), budgets);
        for (BudgetSnapshot budget : budgets) {
            String period = BudgetWindow.of(budget, Instant.now()).id();
            forget(
                    SpendKeys.spent(budget.budgetId(), period),
                    SpendKeys.held(budget.budgetId(), period),
                    SpendKeys.holds(budget.budgetId(), period),
                    SpendKeys.holds(budget.budgetId(), period) + ":swept",
                    SpendKeys.alerted(budget.budgetId(), period));
        }
        announce(BudgetKeys.CHANGE_KIND, BudgetKeys.changeId(scope, scopeId));
    }

    /** Deletes {@code key} with the others on {@link #close()}, such as a counter the gateway wrote for a test key. */
    public void forget(String... redisKeys) {
        written.addAll(List.of(redisKeys));
    }

    /** A secret in the admin service's format that nothing has been published under yet. */
    public String newSecret() {
        return "sk-tg-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Publishes an active key under a given secret, as issuing a key does, and announces it. */
    public void issue(String secret, String... models) {
        publishKey(secret, defaultTenant(), KeyPrincipal.ACTIVE, null, null, models);
        announce(ConfigChange.KEY, hasher.hash(secret));
    }

    private String defaultTenant() {
        if (defaultTenant == null) {
            defaultTenant = tenant(TenantSnapshot.ACTIVE);
        }
        return defaultTenant;
    }

    private void publishKey(
            String secret,
            String tenantId,
            String status,
            @Nullable Instant expiresAt,
            @Nullable Instant secretValidUntil,
            String... models) {
        KeyPrincipal key = new KeyPrincipal(
                unique("key" + counter.incrementAndGet()),
                tenantId,
                "test app",
                secret.substring(0, 8),
                List.of(models),
                null,
                null,
                null,
                status,
                expiresAt,
                secretValidUntil);
        write(ConfigKeys.key(hasher.hash(secret)), key);
        keys.put(secret, key);
    }

    /** Marks the key revoked, as the admin service does, and announces it. */
    public void revoke(String secret) {
        KeyPrincipal key = keys.get(secret);
        KeyPrincipal revoked = new KeyPrincipal(
                key.keyId(),
                key.tenantId(),
                key.name(),
                key.prefix(),
                key.allowedModels(),
                null,
                null,
                null,
                "revoked",
                key.expiresAt(),
                key.secretValidUntil());
        write(ConfigKeys.key(hasher.hash(secret)), revoked);
        announce(ConfigChange.KEY, hasher.hash(secret));
    }

    /** Publishes a tenant's new status and announces it. */
    public void setTenantStatus(String tenantId, String status) {
        write(ConfigKeys.tenant(tenantId), new TenantSnapshot(tenantId, tenantId, "cc-test", status));
        announce(ConfigChange.TENANT, tenantId);
    }

    /**
     * Publishes a route with one deployment whose credential is sealed as the admin service seals it.
     *
     * @param model the public model name
     * @param type the provider type, such as {@code openai} or {@code mock}
     * @param baseUrl the provider's base URL, or {@code null}
     * @param apiKey the provider key, or {@code null} for none
     * @param upstreamModel the model name the upstream is sent
     * @param settings provider settings such as {@code api_version}
     */
    public void route(
            String model,
            String type,
            @Nullable String baseUrl,
            @Nullable String apiKey,
            String upstreamModel,
            Map<String, String> settings) {
        route(model, type, baseUrl, apiKey, upstreamModel, settings, List.of());
    }

    /** Publishes a route like {@link #route} whose deployment has {@code prices}. */
    public void route(
            String model,
            String type,
            @Nullable String baseUrl,
            @Nullable String apiKey,
            String upstreamModel,
            Map<String, String> settings,
            List<PriceVersion> prices) {
        route(new ModelRoute(
                model,
                ModelRoute.PRIORITY,
                List.of(deployment(type, baseUrl, apiKey, upstreamModel, settings, 1, 0, prices))));
    }

    /**
     * A deployment whose provider credential is sealed as the admin service seals it, to publish with
     * {@link #route(ModelRoute)}.
     *
     * @param type the provider type, such as {@code openai} or {@code anthropic}
     * @param baseUrl the provider's base URL, or {@code null} for the type's public endpoint
     * @param apiKey the provider key, or {@code null} for none
     * @param upstreamModel the model name the upstream is sent
     * @param settings provider settings such as {@code api_version}
     * @param weight its share under the weighted strategy
     * @param priority its place under the priority strategy, lowest first
     * @param prices its price versions
     */
    public Deployment deployment(
            String type,
            @Nullable String baseUrl,
            @Nullable String apiKey,
            String upstreamModel,
            Map<String, String> settings,
            int weight,
            int priority,
            List<PriceVersion> prices) {
        ProviderSnapshot provider = new ProviderSnapshot(
                unique("provider" + counter.incrementAndGet()),
                "test provider",
                type,
                baseUrl,
                settings,
                apiKey == null ? null : sealer.seal(apiKey));
        return new Deployment(
                unique("deployment" + counter.incrementAndGet()), provider, upstreamModel, weight, priority, prices);
    }

    /** Publishes {@code route} as it is, replacing any route of its name, and announces it. */
    public void route(ModelRoute route) {
        write(ConfigKeys.route(route.name()), route);
        redis.sadd(ConfigKeys.ROUTES, route.name());
        routes.add(route.name());
        announce(ConfigChange.ROUTE, route.name());
    }

    /** Publishes a route to the built-in mock chat model with {@code prices} and the response cache {@code settings}. */
    public void cachedRoute(String model, List<PriceVersion> prices, @Nullable CacheSettings settings) {
        ProviderSnapshot provider =
                new ProviderSnapshot(unique("provider"), "test provider", "mock", null, Map.of(), null);
        Deployment deployment =
                new Deployment(unique("deployment" + counter.incrementAndGet()), provider, "mock-chat", 1, 0, prices);
        write(
                ConfigKeys.route(model),
                new ModelRoute(model, "priority", List.of(deployment), null, List.of(), settings));
        redis.sadd(ConfigKeys.ROUTES, model);
        routes.add(model);
        announce(ConfigChange.ROUTE, model);
    }

    /** Publishes an active key of {@code tenantId} with the response cache {@code settings}, and returns its secret. */
    public String cachedKey(String tenantId, @Nullable CacheSettings settings, String... models) {
        String secret = newSecret();
        KeyPrincipal key = new KeyPrincipal(
                unique("key" + counter.incrementAndGet()),
                tenantId,
                "test app",
                secret.substring(0, 8),
                List.of(models),
                null,
                null,
                null,
                KeyPrincipal.ACTIVE,
                null,
                null,
                settings);
        write(ConfigKeys.key(hasher.hash(secret)), key);
        keys.put(secret, key);
        return secret;
    }

    /** Publishes a prompt template under its tenant (platform-wide when it has none), replacing it, and announces it. */
    public void template(TemplateSnapshot snapshot) {
        write(TemplateKeys.template(snapshot.tenantId(), snapshot.name()), snapshot);
        announce(TemplateKeys.CHANGE_KIND, TemplateKeys.changeId(snapshot.tenantId(), snapshot.name()));
    }

    /**
     * Publishes the enabled guardrail policies of one scope ({@code global}, {@code tenant}, {@code key} or
     * {@code route}), replacing any it had, and announces them, as the admin service does.
     */
    public void guardrails(String scope, String scopeId, List<GuardrailPolicy> policies) {
        write(GuardrailKeys.policies(scope, scopeId), policies);
        announce(GuardrailKeys.CHANGE_KIND, GuardrailKeys.changeId(scope, scopeId));
    }

    /** Writes {@code document} verbatim at {@code key} (deleted on close), such as a malformed one. */
    public void raw(String key, String document) {
        redis.set(key, document);
        written.add(key);
    }

    /** Sends a change announcement on the channel the gateway listens to. */
    public void announce(String kind, String id) {
        redis.publish(ConfigKeys.CHANGES_CHANNEL, json.writeValueAsString(new ConfigChange(kind, id)));
    }

    private void write(String key, Object document) {
        redis.set(key, json.writeValueAsString(document));
        written.add(key);
    }

    @Override
    public void close() {
        if (!written.isEmpty()) {
            redis.del(written.toArray(String[]::new));
        }
        if (!routes.isEmpty()) {
            redis.srem(ConfigKeys.ROUTES, routes.toArray(String[]::new));
            routes.forEach(route -> announce(ConfigChange.ROUTE, route));
        }
        redis.close();
    }
}
