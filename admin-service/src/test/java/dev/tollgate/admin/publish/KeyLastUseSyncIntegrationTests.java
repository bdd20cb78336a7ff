package dev.tollgate.admin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class KeyLastUseSyncIntegrationTests extends AdminIntegrationTest {

    @Autowired
    KeyLastUseSync sync;

    @Test
    void copiesTheLastUseRecordedInRedisIntoTheKeyAndNeverMovesItBack() {
        String tenant = createTenant(unique("last-use"));
        String keyId = createdId("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "a", "models", List.of("*")));
        redis.hset(KeyLastUseSync.HASH, keyId, "2026-01-02T03:04:05Z");

        sync.run().block();
        redis.hset(KeyLastUseSync.HASH, keyId, "2025-01-01T00:00:00Z");
        sync.run().block();

        redis.hdel(KeyLastUseSync.HASH, keyId);
        assertThat(keys(tenant)).contains(keyId).contains("\"last_used_at\":\"2026-01-02T03:04:05Z\"");
    }

    @Test
    void skipsMalformedEntriesAndAppliesTheRest() {
        String tenant = createTenant(unique("last-use-bad"));
        String keyId = createdId("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "a", "models", List.of("*")));
        String malformed = unique("not-a-uuid");
        redis.hset(KeyLastUseSync.HASH, keyId, "2026-03-04T05:06:07Z");
        redis.hset(KeyLastUseSync.HASH, malformed, "yesterday");

        sync.run().block();

        redis.hdel(KeyLastUseSync.HASH, keyId, malformed);
        assertThat(keys(tenant)).contains("\"last_used_at\":\"2026-03-04T05:06:07Z\"");
    }

    private String keys(String tenant) {
        return get("/api/v1/tenants/" + tenant + "/keys", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
