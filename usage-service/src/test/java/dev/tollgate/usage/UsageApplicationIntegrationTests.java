package dev.tollgate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UsageApplicationIntegrationTests {

    // Less than a thousandth of a cent: what a handful of tokens costs on a cheap model.
    static final BigDecimal TINY_COST = new BigDecimal("0.0000012345");

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    final UUID eventId = UUID.randomUUID(); // own row per test, removed afterwards

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
        // The shared test Redis may carry other modules' events on the real stream; ingest has its own tests.
        registry.add("tollgate.usage.ingest.enabled", () -> "false");
    }

    @AfterEach
    void removeOwnEvent() {
        database.sql("delete from usage_ledger where event_id = :id")
                .bind("id", eventId)
                .then()
                .block();
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

        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"tollgate-usage\"");
    }

    @Test
    void migratesTheLedgerTableIntoItsOwnSchema() {
        database.sql("select current_schema()")
                .map(row -> row.get(0, String.class))
                .one()
                .as(StepVerifier::create)
                .expectNext(TestDatabase.SCHEMA)
                .verifyComplete();

        database.sql("""
                        select column_name from information_schema.columns
                        where table_schema = current_schema() and table_name = 'usage_ledger'
                        """)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .as(StepVerifier::create)
                .assertNext(columns -> assertThat(columns)
                        .containsExactlyInAnyOrderElementsOf(List.of(
                                "event_id",
                                "occurred_at",
                                "recorded_at",
                                "tenant_id",
                                "key_id",
                                "model",
                                "provider",
                                "prompt_tokens",
                                "completion_tokens",
                                "cost_usd",
                                "schema_version",
                                "request_id",
                                "end_user",
                                "tags",
                                "deployment_id",
                                "upstream_model",
                                "cached_tokens",
                                "cache_write_tokens",
                                "reasoning_tokens",
                                "tokens_estimated",
                                "price_version",
                                "priced",
                                "status",
                                "http_status",
                                "latency_ms",
                                "ttft_ms",
                                "stream",
                                "retries",
                                "cost_center",
                                "error_code",
                                "template_name",
                                "template_version",
                                "template_label",
                                "cache_hit",
                                "cache_saved_usd",
                                "fallbacks",
                                "served_model",
                                "guardrail_action",
                                "guardrail_hits")))
                .verifyComplete();
    }

    @Test
    void keepsFractionsOfACentExact() {
        Mono<BigDecimal> stored = insertEvent(TINY_COST)
                .then(database.sql("select cost_usd from usage_ledger where event_id = :id")
                        .bind("id", eventId)
                        .map(row -> row.get(0, BigDecimal.class))
                        .one());

        stored.as(StepVerifier::create)
                .assertNext(cost -> assertThat(cost).isEqualByComparingTo(TINY_COST))
                .verifyComplete();
    }

    @Test
    void rejectsNegativeCost() {
        insertEvent(TINY_COST.negate()).as(StepVerifier::create).verifyError(DataIntegrityViolationException.class);
    }

    private Mono<Void> insertEvent(BigDecimal costUsd) {
        return database.sql("""
                        insert into usage_ledger (event_id, occurred_at, tenant_id, key_id, model, provider,
                                                  prompt_tokens, completion_tokens, cost_usd)
                        values (:id, :at, :tenant, :key, 'mock-chat', 'mock', 12, 3, :cost)
                        """)
                .bind("id", eventId)
                .bind("at", OffsetDateTime.now())
                .bind("tenant", UUID.randomUUID())
                .bind("key", UUID.randomUUID())
                .bind("cost", costUsd)
                .then();
    }
}
