package dev.tollgate.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.route.SealedSecret;
import dev.tollgate.model.route.SecretSealer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    @Autowired
    WebhookSecretResealer resealer;

    @Test
    void resealsASecretSealedUnderAPreviousMasterKeyKeepingItsValue() {
        String tenant = createTenant(unique("reseal"));
        SecretSealer retired = new SecretSealer(PREVIOUS_KEY_ID, Map.of(PREVIOUS_KEY_ID, PREVIOUS_KEY));
        SealedSecret old = retired.seal("whsec_kept-across-the-rotation");
        database.sql("insert into tenant_webhook (tenant_id, url, secret_key_id, secret_nonce, secret_ciphertext,"
                        + " secret_last4) values (:tenant, :url, :kid, :nonce, :ciphertext, :last4)")
                .bind("tenant", UUID.fromString(tenant))
                .bind("url", URL)
                .bind("kid", old.keyId())
                .bind("nonce", old.nonce())
                .bind("ciphertext", old.ciphertext())
                .bind("last4", old.last4())
                .then()
                .block();

        Long resealed = resealer.reseal().block();

        assertThat(resealed).isPositive();
        SealedSecret now = database.sql("select secret_key_id, secret_nonce, secret_ciphertext, secret_last4"
                        + " from tenant_webhook where tenant_id = :tenant")
                .bind("tenant", UUID.fromString(tenant))
                .map(row -> new SealedSecret(
                        row.get(0, String.class),
                        row.get(1, String.class),
                        row.get(2, String.class),
                        row.get(3, String.class)))
                .one()
                .block();
        assertThat(now.keyId()).isEqualTo("k1");
        assertThat(new SecretSealer("k1", Map.of("k1", MASTER_KEY)).open(now))
                .isEqualTo("whsec_kept-across-the-rotation");
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
