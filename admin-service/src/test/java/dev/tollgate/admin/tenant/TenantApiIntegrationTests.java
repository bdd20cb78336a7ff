package dev.tollgate.admin.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TenantApiIntegrationTests extends AdminIntegrationTest {

    @Test
    void createsListsSuspendsAndActivatesTenant() {
        String slug = unique("acme");

        String id = createTenant(slug);

        get("/api/v1/tenants?page=0&size=100", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(100)
                .jsonPath("$.total")
                .isNumber();
        post("/api/v1/tenants/" + id + "/suspend", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("suspended")
                .jsonPath("$.cost_center")
                .isEqualTo("CC-1");
        post("/api/v1/tenants/" + id + "/activate", Map.of())
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("active");
    }

    @Test
    void answersMalformedJsonWithBadRequestProblem() {
        client.post()
                .uri("/api/v1/tenants")
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Acme\", \"slug\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.title")
                .isEqualTo("Bad Request")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/tenants");
    }

    @Test
    void answersInvalidFieldsWithProblemNamingThem() {
        post("/api/v1/tenants", Map.of("name", "", "slug", "Not A Slug", "cost_center", "x"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'slug')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'name')]")
                .exists();
    }

    @Test
    void answersUnknownTenantWithNotFoundProblem() {
        post("/api/v1/tenants/" + UUID.randomUUID() + "/suspend", Map.of())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("tenant not found");
    }

    @Test
    void answersDuplicateSlugWithConflict() {
        String slug = unique("dup");
        createTenant(slug);

        post("/api/v1/tenants", Map.of("name", "Again", "slug", slug))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void rejectsPageSizeAboveOneHundred() {
        get("/api/v1/tenants?size=101", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
    }

    @Test
    void showsTenantScopedUserOnlyItsOwnTenant() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        createTenant(unique("other"));
        String token = tokenFor("VIEWER", own);

        Map<String, Object> page = get("/api/v1/tenants?size=100", token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(page).containsEntry("total", 1);
        assertThat(page.get("items").toString()).contains(own.toString());
    }

    @Test
    void forbidsTenantAdminToCreateTenants() {
        UUID own = UUID.fromString(createTenant(unique("own")));

        post("/api/v1/tenants", Map.of("name", "Mine", "slug", unique("mine")), tokenFor("TENANT_ADMIN", own))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json");
    }

    @Test
    void writesAuditRowWithActorAndAddress() {
        String id = createTenant(unique("audited"));

        Map<String, Object> row = database.sql(
                        "select actor, action, remote_address, after::text as after from audit_log where target_id = :id")
                .bind("id", id)
                .fetch()
                .one()
                .block();

        assertThat(row)
                .containsEntry("actor", "admin@tollgate.local")
                .containsEntry("action", "tenant.create")
                .containsKey("remote_address");
        assertThat(row.get("after").toString()).contains("\"slug\"");
    }
}
