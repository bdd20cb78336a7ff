package dev.tollgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testsupport.TestInfrastructure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AdminApplicationIntegrationTests {

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
    }

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
                                "id", "name", "slug", "cost_center", "contact", "status", "created_at", "updated_at")))
                .verifyComplete();
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
