package dev.tollgate.admin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.key.KeyHasher;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.route.CacheSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** A key's own response-cache settings: set when it is issued or later, published in its KeyPrincipal, audited. */
class KeyCacheIntegrationTests extends AdminIntegrationTest {

    static final KeyHasher hasher = new KeyHasher(KEY_HASH_SECRET);
    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    @SuppressWarnings("unchecked")
    void publishesTheCacheSettingsAKeyIsIssuedWith() {
        String tenant = createTenant(unique("cached"));

        Map<?, ?> issued = issue(tenant, Map.of("mode", "always", "ttl_seconds", 600, "per_key", true));

        assertThat((Map<Object, Object>) issued.get("cache"))
                .containsEntry("mode", "always")
                .containsEntry("ttl_seconds", 600)
                .containsEntry("per_key", true)
                .containsEntry("semantic", null);
        assertThat(principal(issued).cache()).isEqualTo(new CacheSettings("always", 600, true, null, null));
    }

    @Test
    void changesAndClearsTheSettingsOfAnIssuedKey() {
        String tenant = createTenant(unique("recached"));
        Map<?, ?> issued = issue(tenant, null);
        String key = issued.get("id").toString();
        assertThat(principal(issued).cache()).isNull();

        put("/api/v1/keys/" + key + "/cache", Map.of("semantic", true, "similarity_threshold", "0.9200"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cache.semantic")
                .isEqualTo(true);
        assertThat(principal(issued).cache())
                .isEqualTo(new CacheSettings(null, null, null, true, new BigDecimal("0.92")));
        assertThat(redis.get(ConfigKeys.key(hasher.hash((String) issued.get("secret")))))
                .contains("\"similarity_threshold\":\"0.92\"");

        put("/api/v1/keys/" + key + "/cache", Map.of(), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(principal(issued).cache()).isNull();
        assertThat(audited(key)).containsExactly("key.create", "key.cache", "key.cache");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(Map.of("mode", "sometimes"), "mode"),
                Arguments.of(Map.of("ttl_seconds", 0), "ttl_seconds"),
                Arguments.of(Map.of("ttl_seconds", 2_592_001), "ttl_seconds"),
                Arguments.of(Map.of("similarity_threshold", "1.5"), "similarity_threshold"),
                Arguments.of(Map.of("similarity_threshold", "0.12345"), "similarity_threshold"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void refusesInvalidSettingsNamingTheField(Map<String, Object> cache, String field) {
        String tenant = createTenant(unique("badcache"));
        String key = issue(tenant, null).get("id").toString();

        put("/api/v1/keys/" + key + "/cache", cache, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
        post("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "app", "models", List.of("*"), "cache", cache))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cache." + field);
    }

    @Test
    void leavesRevokedKeysAndOtherTenantsKeysAlone() {
        String tenant = createTenant(unique("revcache"));
        String key = issue(tenant, null).get("id").toString();
        String other = issue(createTenant(unique("othercache")), null).get("id").toString();
        post("/api/v1/keys/" + key + "/revoke", Map.of())
                .exchange()
                .expectStatus()
                .isOk();

        put("/api/v1/keys/" + key + "/cache", Map.of("mode", "off"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        put(
                        "/api/v1/keys/" + other + "/cache",
                        Map.of("mode", "off"),
                        tokenFor("TENANT_ADMIN", UUID.fromString(tenant)))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private Map<?, ?> issue(String tenant, @org.jspecify.annotations.Nullable Map<String, Object> cache) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "app", "models", List.of("*")));
        if (cache != null) {
            body.put("cache", cache);
        }
        return post("/api/v1/tenants/" + tenant + "/keys", body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static KeyPrincipal principal(Map<?, ?> issued) {
        String value = redis.get(ConfigKeys.key(hasher.hash((String) issued.get("secret"))));
        return json.readValue(value, KeyPrincipal.class);
    }

    private List<String> audited(String key) {
        return database.sql("select action from audit_log where target_type = 'key' and target_id = :id order by id")
                .bind("id", key)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }
}
