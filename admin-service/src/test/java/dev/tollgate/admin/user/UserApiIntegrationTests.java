package dev.tollgate.admin.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class UserApiIntegrationTests extends AdminIntegrationTest {

    @Test
    void createsAUserWithAOneTimePasswordShownOnceAndStoredOnlyAsBcrypt() {
        String email = unique("new") + "@example.test";

        Map<String, Object> created = created(Map.of("email", email, "role", "VIEWER"));

        String password = (String) created.get("initial_password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(created).containsEntry("email", email).containsEntry("disabled", false);
        assertThat(created).doesNotContainKeys("password", "password_hash");
        assertThat(passwordHash(created.get("id"))).startsWith("{bcrypt}").doesNotContain(password);
        get("/api/v1/users/" + created.get("id"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.initial_password")
                .doesNotExist()
                .jsonPath("$.password_hash")
                .doesNotExist();
    }

    @Test
    void keepsAPasswordTheAdminChoseWithoutEchoingIt() {
        Map<String, Object> created = created(
                Map.of("email", unique("chosen") + "@example.test", "role", "FINANCE", "password", "a-long-password"));

        assertThat(created).doesNotContainKey("initial_password");
        assertThat(passwordHash(created.get("id"))).startsWith("{bcrypt}");
    }

    @Test
    void requiresATenantForTenantAdminsAndRefusesOneForPlatformAdmins() {
        UUID tenant = UUID.fromString(createTenant(unique("users")));

        post("/api/v1/users", Map.of("email", unique("ta") + "@example.test", "role", "TENANT_ADMIN"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("tenant_id");
        post(
                        "/api/v1/users",
                        Map.of("email", unique("pa") + "@example.test", "role", "PLATFORM_ADMIN", "tenant_id", tenant))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("tenant_id");
        assertThat(created(Map.of("email", unique("fin") + "@example.test", "role", "FINANCE", "tenant_id", tenant)))
                .containsEntry("tenant_id", tenant.toString());
    }

    @Test
    void refusesAnEmailThatDiffersOnlyInCase() {
        String email = unique("case") + "@example.test";
        created(Map.of("email", email, "role", "VIEWER"));

        post("/api/v1/users", Map.of("email", email.toUpperCase(java.util.Locale.ROOT), "role", "VIEWER"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void refusesToChangeYourOwnRoleOrDisableYourself() {
        TestUser admin = user("PLATFORM_ADMIN", null, "write");
        String self = "/api/v1/users/" + admin.id();

        put(self, Map.of("role", "VIEWER"), admin.token())
                .exchange()
                .expectStatus()
                .isForbidden();
        put(self, Map.of("role", "PLATFORM_ADMIN", "disabled", true), admin.token())
                .exchange()
                .expectStatus()
                .isForbidden();

        put(self, Map.of("role", "PLATFORM_ADMIN", "disabled", false), admin.token())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void disablingAUserStopsTheirTokensAndEnablingRestoresThem() {
        TestUser viewer = user("VIEWER", null, "read");
        String path = "/api/v1/users/" + viewer.id();
        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isOk();

        put(path, Map.of("role", "VIEWER", "disabled", true), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.disabled")
                .isEqualTo(true);
        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isUnauthorized();

        put(path, Map.of("role", "VIEWER", "disabled", false), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isOk();
    }

    @Test
    void changesRoleAndTenantAndAuditsWithoutSecrets() {
        UUID tenant = UUID.fromString(createTenant(unique("move")));
        TestUser viewer = user("VIEWER", null, "write");

        put("/api/v1/users/" + viewer.id(), Map.of("role", "TENANT_ADMIN", "tenant_id", tenant), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("TENANT_ADMIN");

        get("/api/v1/tenants", viewer.token())
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1);
        String audited = database.sql(
                        "select after::text from audit_log where action = 'user.update' and target_id = :id")
                .bind("id", viewer.id().toString())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        assertThat(audited).contains("TENANT_ADMIN").doesNotContain("noop");
    }

    @Test
    void setsAPasswordOfAtLeastTwelveCharacters() {
        TestUser viewer = user("VIEWER", null, "write");
        String path = "/api/v1/users/" + viewer.id() + "/password";

        post(path, Map.of("password", "too-short")).exchange().expectStatus().isBadRequest();
        post(path, Map.of("password", "long-enough-password"))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(passwordHash(viewer.id())).startsWith("{bcrypt}");
    }

    @Test
    void settingAPasswordRevokesTheUsersApiTokens() {
        TestUser viewer = user("VIEWER", null, "write");
        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isOk();

        post("/api/v1/users/" + viewer.id() + "/password", Map.of("password", "a-brand-new-password"))
                .exchange()
                .expectStatus()
                .isNoContent();

        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void showsAnotherTenantsUsersAsNotFoundAndRefusesEveryoneButPlatformAdmins() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        UUID other = UUID.fromString(createTenant(unique("other")));
        String tenantAdmin = tokenFor("TENANT_ADMIN", own);

        get("/api/v1/users/" + user("VIEWER", other, "read").id(), tenantAdmin)
                .exchange()
                .expectStatus()
                .isNotFound();
        get("/api/v1/users/" + user("VIEWER", own, "read").id(), tenantAdmin)
                .exchange()
                .expectStatus()
                .isForbidden();
        post("/api/v1/users", Map.of("email", unique("x") + "@example.test", "role", "VIEWER"), tenantAdmin)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private Map<String, Object> created(Map<String, Object> body) {
        return post("/api/v1/users", new HashMap<>(body))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private String passwordHash(Object userId) {
        return database.sql("select password_hash from admin_user where id = :id")
                .bind("id", UUID.fromString(userId.toString()))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
