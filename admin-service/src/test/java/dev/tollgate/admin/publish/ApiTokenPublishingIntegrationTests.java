package dev.tollgate.admin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.model.access.ApiTokenSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** API tokens in Redis for other services: present with a TTL while usable, gone as soon as they are not. */
class ApiTokenPublishingIntegrationTests extends AdminIntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void publishesIssuedTokenUntilItExpires() {
        UUID tenant = UUID.fromString(createTenant(unique("tok")));
        TestUser finance = user("FINANCE", tenant, "write");
        Instant expiresAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Map<?, ?> issued = issue(finance.token(), expiresAt);

        String key = AccessKeys.apiToken(sha256((String) issued.get("token")));
        ApiTokenSnapshot published = json.readValue(redis.get(key), ApiTokenSnapshot.class);
        assertThat(published.tokenId()).isEqualTo(issued.get("id"));
        assertThat(published.userId()).isEqualTo(finance.id().toString());
        assertThat(published.email()).isEqualTo(finance.email());
        assertThat(published.role()).isEqualTo("FINANCE");
        assertThat(published.tenantId()).isEqualTo(tenant.toString());
        assertThat(published.scope()).isEqualTo("read");
        assertThat(published.expiresAt()).isEqualTo(expiresAt);
        assertThat(Duration.ofMillis(redis.pttl(key))).isPositive().isLessThanOrEqualTo(Duration.ofDays(2));
    }

    @Test
    void deletesRevokedToken() {
        Map<?, ?> issued = issue(ADMIN_TOKEN, Instant.now().plus(1, ChronoUnit.DAYS));
        String key = AccessKeys.apiToken(sha256((String) issued.get("token")));
        assertThat(redis.exists(key)).isTrue();

        delete("/api/v1/tokens/" + issued.get("id"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();

        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void deletesTokensOfDisabledUser() {
        TestUser viewer = user("VIEWER", null, "write");
        String key = published(viewer);

        put("/api/v1/users/" + viewer.id(), Map.of("role", "VIEWER", "disabled", true), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void deletesTokensOfUserWhosePasswordChanged() {
        TestUser viewer = user("VIEWER", null, "write");
        String key = published(viewer);

        post("/api/v1/users/" + viewer.id() + "/password", Map.of("password", "a-new-password-123"))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();

        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void resyncRepublishesUsableTokensAndDropsExpiredAndUnknownOnes() {
        TestUser viewer = user("VIEWER", null, "write");
        String usable = AccessKeys.apiToken(sha256(viewer.token()));
        String expired = AccessKeys.apiToken(expiredToken(viewer.id()));
        String unknown = AccessKeys.apiToken(sha256(unique("never-issued")));
        redis.set(expired, "{}");
        redis.set(unknown, "{}");

        resync();

        assertThat(redis.exists(usable)).isTrue();
        assertThat(Duration.ofMillis(redis.pttl(usable)))
                .isPositive()
                .isLessThanOrEqualTo(ApiTokenSnapshots.ROLLING_EXPIRY);
        assertThat(redis.exists(expired)).isFalse();
        assertThat(redis.exists(unknown)).isFalse();
    }

    private Map<?, ?> issue(String token, Instant expiresAt) {
        return post("/api/v1/tokens", Map.of("name", "reports", "scope", "read", "expires_at", expiresAt), token)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** The Redis key of the user's test token, after a resync has published it. */
    private String published(TestUser user) {
        resync();
        String key = AccessKeys.apiToken(sha256(user.token()));
        assertThat(redis.exists(key)).isTrue();
        return key;
    }

    private void resync() {
        post("/api/v1/resync", Map.of()).exchange().expectStatus().isOk();
    }

    private String expiredToken(UUID userId) {
        String hash = sha256(unique("expired"));
        database.sql("insert into api_token (user_id, hash, name, expires_at)"
                        + " values (:user, :hash, 'old', now() - interval '1 hour')")
                .bind("user", userId)
                .bind("hash", hash)
                .then()
                .block();
        return hash;
    }
}
