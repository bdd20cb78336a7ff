package dev.tollgate.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookApiIntegrationTests extends AlertIntegrationTest {

    static final String URL = "http://127.0.0.1:9/tollgate";

    @Test
    void showsTheSigningSecretOnlyWhenItIsMadeAndRotated() {
        String tenant = createTenant(unique("secret"));

        String secret = createWebhook(tenant, URL);
        String again = put(
                        "/api/v1/tenants/" + tenant + "/webhook",
                        Map.of("url", URL + "/v2", "enabled", false),
                        ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String read = get("/api/v1/tenants/" + tenant + "/webhook", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String rotated = post("/api/v1/tenants/" + tenant + "/webhook/rotate-secret", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("secret")
                .toString();

        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(again).doesNotContain("secret").contains("\"enabled\":false").contains(URL + "/v2");
        assertThat(read).doesNotContain("secret").doesNotContain(secret).contains("\"configured\":true");
        List<String> audit = database.sql(
                        "select action || ' ' || coalesce(before::text, '') || coalesce(after::text, '')"
                                + " from audit_log where target_type = 'webhook' and target_id = :tenant order by id")
                .bind("tenant", tenant)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).startsWith("webhook.create");
        assertThat(audit.get(2)).startsWith("webhook.rotate_secret");
        assertThat(String.join("\n", audit)).doesNotContain(secret).doesNotContain(rotated);
        String stored = database.sql("select row_to_json(w)::text from tenant_webhook w where tenant_id = :tenant")
                .bind("tenant", UUID.fromString(tenant))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        assertThat(stored).doesNotContain(rotated.substring("whsec_".length()));
    }

    @Test
    void answersATenantWithoutWebhookAsNotConfiguredAndDeletesIdempotently() {
        String tenant = createTenant(unique("none"));

        get("/api/v1/tenants/" + tenant + "/webhook", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.configured")
                .isEqualTo(false);
        post("/api/v1/tenants/" + tenant + "/webhook/rotate-secret", Map.of())
                .exchange()
                .expectStatus()
                .isNotFound();
        createWebhook(tenant, URL);
        delete("/api/v1/tenants/" + tenant + "/webhook", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNoContent();
        delete("/api/v1/tenants/" + tenant + "/webhook", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNoContent();
        get("/api/v1/tenants/" + tenant + "/webhook", ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.configured")
                .isEqualTo(false);
    }

    @Test
    void keepsEachTenantsWebhookFromOtherTenantsAdmins() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        String other = createTenant(unique("other"));
        createWebhook(other, URL);
        String tenantAdmin = tokenFor("TENANT_ADMIN", own);
        String viewer = tokenFor("VIEWER", own);
        String theirs = "/api/v1/tenants/" + other + "/webhook";

        get(theirs, tenantAdmin).exchange().expectStatus().isNotFound();
        get(theirs + "/deliveries", tenantAdmin).exchange().expectStatus().isNotFound();
        put(theirs, Map.of("url", URL), tenantAdmin).exchange().expectStatus().isNotFound();
        post(theirs + "/rotate-secret", Map.of(), tenantAdmin)
                .exchange()
                .expectStatus()
                .isNotFound();
        delete(theirs, tenantAdmin).exchange().expectStatus().isNotFound();
        get(theirs, ADMIN_TOKEN).exchange().expectBody().jsonPath("$.url").isEqualTo(URL);

        put("/api/v1/tenants/" + own + "/webhook", Map.of("url", URL), viewer)
                .exchange()
                .expectStatus()
                .isForbidden();
        put("/api/v1/tenants/" + own + "/webhook", Map.of("url", URL), tenantAdmin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.secret")
                .exists();
        get("/api/v1/tenants/" + own + "/webhook", viewer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo(URL);
    }
}
