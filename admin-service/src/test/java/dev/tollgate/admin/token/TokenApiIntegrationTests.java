package dev.tollgate.admin.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class TokenApiIntegrationTests extends AdminIntegrationTest {

    @Test
    void showsANewTokenOnceAndStoresOnlyItsHash() {
        TestUser viewer = user("VIEWER", null, "write");

        Map<String, Object> issued = issue(viewer.token(), "read", Instant.now().plus(30, ChronoUnit.DAYS));

        String token = (String) issued.get("token");
        assertThat(token).startsWith("tg-").hasSizeGreaterThanOrEqualTo(3 + 43);
        assertThat(issued).containsEntry("scope", "read").containsEntry("status", "active");
        assertThat(storedHash(issued.get("id"))).isEqualTo(sha256(token));
        String listed = get("/api/v1/tokens", viewer.token())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed)
                .contains((String) issued.get("id"))
                .doesNotContain(token)
                .doesNotContain(sha256(token));
        get("/api/v1/tenants", token).exchange().expectStatus().isOk();
    }

    @Test
    void refusesEveryWriteToAReadTokenWithForbidden() {
        String token = (String) issue(ADMIN_TOKEN, "read", Instant.now().plus(1, ChronoUnit.DAYS))
                .get("token");

        post("/api/v1/tenants", Map.of("name", "Nope", "slug", unique("nope")), token)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json");
        post(
                        "/api/v1/tokens",
                        Map.of(
                                "name",
                                "escalate",
                                "scope",
                                "write",
                                "expires_at",
                                Instant.now().plusSeconds(60)),
                        token)
                .exchange()
                .expectStatus()
                .isForbidden();
        get("/api/v1/tenants", token).exchange().expectStatus().isOk();
    }

    @Test
    void requiresAnExpiryAtMostAYearAhead() {
        post("/api/v1/tokens", Map.of("name", "forever", "scope", "read"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("expires_at");
        post(
                        "/api/v1/tokens",
                        Map.of(
                                "name",
                                "long",
                                "scope",
                                "read",
                                "expires_at",
                                Instant.now().plus(400, ChronoUnit.DAYS)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("expires_at");
        post(
                        "/api/v1/tokens",
                        Map.of(
                                "name",
                                "odd",
                                "scope",
                                "admin",
                                "expires_at",
                                Instant.now().plusSeconds(60)))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void refusesAnExpiredTokenWithUnauthorized() {
        TestUser viewer = user("VIEWER", null, "read");
        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isOk();

        database.sql("update api_token set expires_at = now() - interval '1 second' where user_id = :user")
                .bind("user", viewer.id())
                .then()
                .block();

        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void revokedTokenStopsWorkingAndLastUseIsRecorded() {
        TestUser viewer = user("VIEWER", null, "write");
        Map<String, Object> issued = issue(viewer.token(), "read", Instant.now().plus(1, ChronoUnit.DAYS));
        String token = (String) issued.get("token");
        get("/api/v1/tenants", token).exchange().expectStatus().isOk();

        delete("/api/v1/tokens/" + issued.get("id"), viewer.token())
                .exchange()
                .expectStatus()
                .isNoContent();

        get("/api/v1/tenants", token).exchange().expectStatus().isUnauthorized();
        delete("/api/v1/tokens/" + issued.get("id"), viewer.token())
                .exchange()
                .expectStatus()
                .isNoContent();
        Map<String, Object> row = database.sql("select last_used_at, revoked_at from api_token where id = :id")
                .bind("id", UUID.fromString((String) issued.get("id")))
                .fetch()
                .one()
                .block();
        assertThat(row.get("last_used_at")).isNotNull();
        assertThat(row.get("revoked_at")).isNotNull();
    }

    @Test
    void usersManageOnlyTheirOwnTokensWhilePlatformAdminsManageEveryones() {
        TestUser alice = user("VIEWER", null, "write");
        TestUser bob = user("VIEWER", null, "write");
        String alicesToken = (String) issue(alice.token(), "read", Instant.now().plus(1, ChronoUnit.DAYS))
                .get("id");

        get("/api/v1/tokens?size=100", bob.token())
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).doesNotContain(alicesToken));
        delete("/api/v1/tokens/" + alicesToken, bob.token())
                .exchange()
                .expectStatus()
                .isNotFound();
        get("/api/v1/tokens?size=100", ADMIN_TOKEN)
                .exchange()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains(alicesToken));
        delete("/api/v1/tokens/" + alicesToken, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private Map<String, Object> issue(String as, String scope, Instant expiresAt) {
        return post("/api/v1/tokens", Map.of("name", unique("script"), "scope", scope, "expires_at", expiresAt), as)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private String storedHash(Object tokenId) {
        return database.sql("select hash from api_token where id = :id")
                .bind("id", UUID.fromString(tokenId.toString()))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
