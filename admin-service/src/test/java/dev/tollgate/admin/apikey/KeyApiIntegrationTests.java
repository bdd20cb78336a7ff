package dev.tollgate.admin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.key.KeyHasher;
import dev.tollgate.model.key.KeyPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KeyApiIntegrationTests extends AdminIntegrationTest {

    static final KeyHasher hasher = new KeyHasher(KEY_HASH_SECRET);
    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void showsSecretOnceAndStoresOnlyItsHash() {
        String tenant = createTenant(unique("keys"));

        Map<?, ?> issued = createKey(tenant);
        String secret = (String) issued.get("secret");

        assertThat(secret).startsWith("sk-tg-").hasSizeGreaterThanOrEqualTo(6 + 22);
        assertThat(issued.get("prefix")).isEqualTo(secret.substring(0, 12));
        String listing = get("/api/v1/tenants/" + tenant + "/keys", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(listing)
                .contains(issued.get("id").toString())
                .doesNotContain(secret)
                .doesNotContain("\"secret\"");
        List<String> hashes = hashesOf(issued.get("id").toString());
        assertThat(hashes).containsExactly(hasher.hash(secret));
        String everything = database.sql("select k::text from virtual_key k where id = :id")
                .bind("id", UUID.fromString(issued.get("id").toString()))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        assertThat(everything).doesNotContain(secret);
    }

    @Test
    void publishesKeyUnderItsHashAsKeyPrincipal() {
        String tenant = createTenant(unique("pub"));

        Map<?, ?> issued = createKey(tenant);

        String value = redis.get(ConfigKeys.key(hasher.hash((String) issued.get("secret"))));
        KeyPrincipal principal = json.readValue(value, KeyPrincipal.class);
        assertThat(principal.keyId()).isEqualTo(issued.get("id"));
        assertThat(principal.tenantId()).isEqualTo(tenant);
        assertThat(principal.allowedModels()).containsExactly("mock-chat");
        assertThat(principal.rpmLimit()).isEqualTo(60);
        assertThat(principal.usableAt(Instant.now())).isTrue();
    }

    @Test
    void rotationKeepsBothSecretsValidUntilGraceEndsAndIsIdempotent() {
        String tenant = createTenant(unique("rot"));
        Map<?, ?> issued = createKey(tenant);
        String keyId = issued.get("id").toString();
        String oldHash = hasher.hash((String) issued.get("secret"));

        Map<?, ?> first = rotate(keyId, "retry-1");
        Map<?, ?> retry = rotate(keyId, "retry-1");

        assertThat(first.get("secret")).isNotEqualTo(issued.get("secret")).isEqualTo(retry.get("secret"));
        String newHash = hasher.hash((String) first.get("secret"));
        assertThat(hashesOf(keyId)).containsExactlyInAnyOrder(oldHash, newHash);
        KeyPrincipal old = json.readValue(redis.get(ConfigKeys.key(oldHash)), KeyPrincipal.class);
        KeyPrincipal current = json.readValue(redis.get(ConfigKeys.key(newHash)), KeyPrincipal.class);
        assertThat(old.secretValidUntil()).isAfter(Instant.now().plusSeconds(3000));
        assertThat(current.secretValidUntil()).isNull();
        assertThat(redis.pttl(ConfigKeys.key(oldHash))).isPositive();
    }

    @Test
    void revokingRemovesEverySecretFromRedis() {
        String tenant = createTenant(unique("rev"));
        Map<?, ?> issued = createKey(tenant);
        String keyId = issued.get("id").toString();
        Map<?, ?> rotated = rotate(keyId, null);

        post("/api/v1/keys/" + keyId + "/revoke", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("revoked");

        assertThat(redis.exists(ConfigKeys.key(hasher.hash((String) issued.get("secret")))))
                .isFalse();
        assertThat(redis.exists(ConfigKeys.key(hasher.hash((String) rotated.get("secret")))))
                .isFalse();
        post("/api/v1/keys/" + keyId + "/rotate", Map.of())
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void hidesAnotherTenantsKeysFromTenantAdmin() {
        UUID own = UUID.fromString(createTenant(unique("mine")));
        String other = createTenant(unique("theirs"));
        String otherKey = createKey(other).get("id").toString();
        String token = tokenFor("TENANT_ADMIN", own);

        get("/api/v1/tenants/" + other + "/keys", token)
                .exchange()
                .expectStatus()
                .isNotFound();
        post("/api/v1/keys/" + otherKey + "/revoke", Map.of(), token)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        post("/api/v1/tenants/" + own + "/keys", Map.of("name", "own-app", "models", List.of("*")), token)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void auditsKeyChangesWithoutSecrets() {
        String tenant = createTenant(unique("aud"));
        Map<?, ?> issued = createKey(tenant);
        String keyId = issued.get("id").toString();
        Map<?, ?> rotated = rotate(keyId, null);

        List<String> rows = database.sql("select coalesce(before::text, '') || coalesce(after::text, '') from audit_log"
                        + " where target_type = 'key' and target_id = :id")
                .bind("id", keyId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();

        assertThat(rows).hasSize(2);
        assertThat(String.join("\n", rows))
                .contains(keyId)
                .doesNotContain((String) issued.get("secret"))
                .doesNotContain((String) rotated.get("secret"));
    }

    private Map<?, ?> createKey(String tenant) {
        return post(
                        "/api/v1/tenants/" + tenant + "/keys",
                        Map.of("name", "app", "models", List.of("mock-chat"), "rpm_limit", 60, "max_tokens", 1000))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private Map<?, ?> rotate(String keyId, String idempotencyKey) {
        return client.post()
                .uri("/api/v1/keys/" + keyId + "/rotate")
                .headers(headers -> {
                    headers.setBearerAuth(ADMIN_TOKEN);
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("grace_period_seconds", 3600))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private List<String> hashesOf(String keyId) {
        return database.sql("select hash from key_secret where key_id = :id")
                .bind("id", UUID.fromString(keyId))
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }
}
