package dev.tollgate.admin.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TenantLimitsIntegrationTests extends AdminIntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void createsTenantWithLimitsAndPublishesThem() {
        String slug = unique("limited");

        String id =
                createdId("/api/v1/tenants", Map.of("name", "Limited", "slug", slug, "rpm_limit", 120, "tpm_limit", 0));

        get("/api/v1/tenants/" + id, ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.rpm_limit")
                .isEqualTo(120)
                .jsonPath("$.tpm_limit")
                .isEqualTo(0);
        TenantSnapshot published = published(id);
        assertThat(published.rpmLimit()).isEqualTo(120);
        assertThat(published.tpmLimit()).isZero();
    }

    @Test
    void changesAndClearsLimitsAndAuditsTheChange() {
        String id = createTenant(unique("relimit"));
        Map<String, Object> onlyTokens = new HashMap<>();
        onlyTokens.put("rpm_limit", null);
        onlyTokens.put("tpm_limit", 50_000);

        put("/api/v1/tenants/" + id + "/limits", Map.of("rpm_limit", 10), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        put("/api/v1/tenants/" + id + "/limits", onlyTokens, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rpm_limit")
                .doesNotExist()
                .jsonPath("$.tpm_limit")
                .isEqualTo(50_000);

        TenantSnapshot published = published(id);
        assertThat(published.rpmLimit()).isNull();
        assertThat(published.tpmLimit()).isEqualTo(50_000);
        Long audited = database.sql("select count(*) from audit_log where target_id = :id and action = 'tenant.limits'")
                .bind("id", id)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void refusesNegativeLimitWithProblemNamingTheField() {
        String id = createTenant(unique("negative"));

        put("/api/v1/tenants/" + id + "/limits", Map.of("rpm_limit", -1), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'rpm_limit')]")
                .exists();
    }

    @Test
    void refusesLimitChangeByTenantAdmin() {
        String id = createTenant(unique("scoped"));
        String tenantAdmin = tokenFor("TENANT_ADMIN", java.util.UUID.fromString(id));

        put("/api/v1/tenants/" + id + "/limits", Map.of("rpm_limit", 1), tenantAdmin)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static TenantSnapshot published(String tenantId) {
        return json.readValue(redis.get(ConfigKeys.tenant(tenantId)), TenantSnapshot.class);
    }
}
