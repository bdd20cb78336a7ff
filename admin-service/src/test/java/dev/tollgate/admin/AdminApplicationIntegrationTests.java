package dev.tollgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

class AdminApplicationIntegrationTests extends AdminIntegrationTest {

    @Test
    void reportsUpWithTheDatabaseAmongItsComponents() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP");
    }

    @Test
    void isReadyOnlyWithTheDatabase() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP");
    }

    @Test
    void servesPrometheusMetricsTaggedWithTheApplication() {
        String metrics = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"tollgate-admin\"");
    }

    @Test
    void migratesTheTenantTableIntoItsOwnSchema() {
        database.sql("select current_schema()")
                .map(row -> row.get(0, String.class))
                .one()
                .as(StepVerifier::create)
                .expectNext(TestDatabase.SCHEMA)
                .verifyComplete();

        database.sql("""
                        select column_name from information_schema.columns
                        where table_schema = current_schema() and table_name = 'tenant'
                        """)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .as(StepVerifier::create)
                .assertNext(columns -> assertThat(columns)
                        .containsExactlyInAnyOrderElementsOf(List.of(
                                "id",
                                "name",
                                "slug",
                                "cost_center",
                                "contact",
                                "status",
                                "created_at",
                                "updated_at",
                                "rpm_limit",
                                "tpm_limit")))
                .verifyComplete();
    }

    @Test
    void migratesEveryControlPlaneTable() {
        database.sql("select table_name from information_schema.tables where table_schema = current_schema()")
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .as(StepVerifier::create)
                .assertNext(tables -> assertThat(tables)
                        .contains(
                                "tenant",
                                "virtual_key",
                                "key_secret",
                                "key_rotation",
                                "provider",
                                "model_route",
                                "deployment",
                                "deployment_price",
                                "admin_user",
                                "api_token",
                                "audit_log"))
                .verifyComplete();
    }

    @Test
    void refusesToChangeOrDeleteAuditRows() {
        database.sql("update audit_log set actor = 'someone else'")
                .then()
                .as(StepVerifier::create)
                .verifyErrorMatches(failure -> failure.getMessage().contains("append-only"));
        database.sql("delete from audit_log")
                .then()
                .as(StepVerifier::create)
                .verifyErrorMatches(failure -> failure.getMessage().contains("append-only"));
    }

    @Test
    void answersWithoutTokenWithUnauthorizedProblem() {
        client.get()
                .uri("/api/v1/tenants")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.title")
                .isEqualTo("Unauthorized");
    }

    @Test
    void answersWithUnknownTokenWithUnauthorizedProblem() {
        get("/api/v1/tenants", "not-a-token").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void servesTheOpenApiDocument() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/tenants']")
                .exists();
    }

    @Test
    void rejectsTenantStatusOtherThanActiveOrSuspended() {
        database.sql("insert into tenant (name, slug, status) values ('Acme', :slug, 'deleted')")
                .bind("slug", "acme-" + System.nanoTime())
                .then()
                .as(StepVerifier::create)
                .verifyError(DataIntegrityViolationException.class);
    }
}
