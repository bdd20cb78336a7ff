package dev.tollgate.admin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.key.KeyHasher;
import dev.tollgate.model.prompt.TemplateKeys;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResyncIntegrationTests extends AdminIntegrationTest {

    static final KeyHasher hasher = new KeyHasher(KEY_HASH_SECRET);

    @Test
    void resyncRestoresDeletedKeyAndDropsStaleOne() {
        String tenant = createTenant(unique("heal"));
        String secret =
                (String) post("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "a", "models", List.of("*")))
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("secret");
        String key = ConfigKeys.key(hasher.hash(secret));
        String stale = ConfigKeys.key("stale-" + unique("hash"));
        redis.del(key);
        redis.set(stale, "{}");
        long version = Long.parseLong(redis.get(ConfigKeys.VERSION));

        post("/api/v1/resync", Map.of()).exchange().expectStatus().isOk();

        assertThat(redis.exists(key)).isTrue();
        assertThat(redis.exists(stale)).isFalse();
        assertThat(Long.parseLong(redis.get(ConfigKeys.VERSION))).isGreaterThan(version);
    }

    @Test
    void publishesSuspendedTenantWithItsStatus() {
        String tenant = createTenant(unique("susp"));

        post("/api/v1/tenants/" + tenant + "/suspend", Map.of())
                .exchange()
                .expectStatus()
                .isOk();

        TenantSnapshot snapshot =
                JsonMapper.builder().build().readValue(redis.get(ConfigKeys.tenant(tenant)), TenantSnapshot.class);
        assertThat(snapshot.status()).isEqualTo("suspended");
        assertThat(snapshot.active()).isFalse();
        assertThat(snapshot.costCenter()).isEqualTo("CC-1");
    }

    @Test
    void resyncRestoresBudgetsAndDropsStaleBudgetsAndTemplatesButNoOtherKeys() {
        String tenant = createTenant(unique("budgets"));
        post("/api/v1/budgets", Map.of("scope", "tenant", "scope_id", tenant, "amount_usd", 10, "period", "daily"))
                .exchange()
                .expectStatus()
                .isCreated();
        String budgets = BudgetKeys.budgets("tenant", tenant);
        String stale = BudgetKeys.budgets("tenant", java.util.UUID.randomUUID().toString());
        String counter = budgets + ":spent";
        String staleTemplate = TemplateKeys.template(null, unique("gone"));
        redis.del(budgets);
        redis.set(stale, "[]");
        redis.set(counter, "1");
        redis.set(staleTemplate, "{}");

        post("/api/v1/resync", Map.of()).exchange().expectStatus().isOk();

        assertThat(redis.get(budgets)).contains("\"period\":\"daily\"");
        assertThat(redis.exists(stale)).isFalse();
        assertThat(redis.exists(staleTemplate)).isFalse();
        assertThat(redis.get(counter)).isEqualTo("1");
        redis.del(counter);
    }

    @Test
    void resyncPublishesRetriesFallbacksAndCacheSettingsAndDropsDeletedModels() {
        String provider = createdId("/api/v1/providers", Map.of("name", unique("mock"), "type", "mock"));
        String target = unique("resync-target");
        String routed = unique("resync-routed");
        String vanished = unique("resync-vanished");
        createdId("/api/v1/models", model(target, provider));
        Map<String, Object> body = new java.util.LinkedHashMap<>(model(routed, provider));
        body.put("retry", Map.of("max_retries", 2, "backoff_ms", 100, "max_backoff_ms", 1000));
        body.put("fallbacks", List.of(Map.of("model", target, "on", List.of("context_window_exceeded"))));
        body.put("cache", Map.of("mode", "deterministic", "per_key", true));
        createdId("/api/v1/models", body);
        createdId("/api/v1/models", model(vanished, provider));
        redis.del(ConfigKeys.route(routed));
        // A model deleted while Redis was unreachable: the database no longer has it, Redis still does.
        database.sql("delete from model_route where name = :name")
                .bind("name", vanished)
                .then()
                .block();

        post("/api/v1/resync", Map.of()).exchange().expectStatus().isOk();

        ModelRoute route =
                JsonMapper.builder().build().readValue(redis.get(ConfigKeys.route(routed)), ModelRoute.class);
        assertThat(route.retry()).isEqualTo(new RetryPolicy(2, 100, 1000));
        assertThat(route.fallbacks()).containsExactly(new Fallback(target, List.of("context_window_exceeded")));
        assertThat(route.cache()).isEqualTo(new CacheSettings("deterministic", null, true, null, null));
        assertThat(redis.exists(ConfigKeys.route(vanished))).isFalse();
        assertThat(redis.smembers(ConfigKeys.ROUTES)).contains(routed, target).doesNotContain(vanished);
    }

    private static Map<String, Object> model(String name, String provider) {
        return Map.of(
                "name",
                name,
                "deployments",
                List.of(Map.of(
                        "provider_id",
                        provider,
                        "upstream_model",
                        "mock-chat",
                        "input_price_per_mtok",
                        "1",
                        "output_price_per_mtok",
                        "2")));
    }

    @Test
    void forbidsResyncToViewers() {
        String tenant = createTenant(unique("viewer"));

        post("/api/v1/resync", Map.of(), tokenFor("VIEWER", java.util.UUID.fromString(tenant)))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
