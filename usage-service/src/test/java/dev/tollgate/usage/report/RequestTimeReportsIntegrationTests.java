package dev.tollgate.usage.report;

import static dev.tollgate.usage.report.RequestTimeData.PERIOD;
import static dev.tollgate.usage.report.RequestTimeData.TENANT_C;
import static dev.tollgate.usage.report.RequestTimeData.TENANT_D;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestTokens;
import dev.tollgate.usage.ledger.UsageLedger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The guardrail, cache and template reports against a small fixed ledger, to the byte and to the last decimal. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RequestTimeReportsIntegrationTests {

    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    UsageLedger ledger;

    @Autowired
    DataSource dataSource;

    final String admin = TestTokens.apiToken(redis, "PLATFORM_ADMIN", null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportTestSupport.register(registry);
    }

    @BeforeEach
    void seed() {
        RequestTimeData.remove(dataSource);
        ledger.append(RequestTimeData.events());
    }

    @AfterEach
    void remove() {
        RequestTimeData.remove(dataSource);
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @Test
    void countsGuardrailDecisionsPerTenantDetectorAndActionExactlyAsTheGoldenFile() {
        String csv = get("/api/v1/reports/guardrails?" + PERIOD + "&format=csv&totals=true");

        ReportTestSupport.keep("guardrails.csv", csv);
        assertThat(csv).isEqualTo(ReportTestSupport.golden("guardrails.csv"));
        JsonNode report = json.readTree(get("/api/v1/reports/guardrails?" + PERIOD));
        assertThat(report.path("totals").path("requests").asLong()).isEqualTo(4);
        assertThat(report.path("rows")).hasSize(4);
    }

    @Test
    void listsTheNewestGuardrailDecisionsWithoutAnyMatchedText() {
        JsonNode events = json.readTree(get("/api/v1/reports/guardrails/events?" + PERIOD + "&limit=2"))
                .path("events");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("tenant").asString()).isEqualTo(TENANT_D);
        assertThat(events.get(0).path("occurred_at").asString()).isEqualTo("2032-02-10T12:00:00.000000Z");
        assertThat(events.get(0).path("action").asString()).isEqualTo("logged");
        assertThat(events.get(1).path("detectors").toString()).isEqualTo("[\"injection\"]");
        List<String> names = new ArrayList<>(events.get(1).propertyNames());
        assertThat(names)
                .containsExactly(
                        "occurred_at", "request_id", "event_id", "tenant", "key", "model", "action", "detectors");
        String csv = get("/api/v1/reports/guardrails/events?" + PERIOD + "&format=csv&timezone=Europe/Berlin");
        ReportTestSupport.keep("guardrail-events.csv", csv);
        assertThat(csv.lines().skip(1).map(line -> line.split(",", -1)[7]))
                .containsExactly("pii.email", "injection", "pii.email;pii.phone");
        assertThat(csv).contains("2032-02-03T12:00:00.000000+01:00");
    }

    @Test
    void reportsCacheHitRatioAndExactSavingsWhoseTotalIsTheLedgersSum() {
        String csv = get("/api/v1/reports/cache?" + PERIOD + "&format=csv&totals=true");

        ReportTestSupport.keep("cache.csv", csv);
        assertThat(csv).isEqualTo(ReportTestSupport.golden("cache.csv"));
        JsonNode report = json.readTree(get("/api/v1/reports/cache?" + PERIOD));
        BigDecimal rows = BigDecimal.ZERO;
        for (JsonNode row : report.path("rows")) {
            rows = rows.add(new BigDecimal(row.path("saved").asString()));
        }
        BigDecimal ledgerSum = new JdbcTemplate(dataSource)
                .queryForObject(
                        "select sum(cache_saved_usd) from usage_ledger where tenant_id in (?::uuid, ?::uuid)"
                                + " and occurred_at >= '2032-02-01' and occurred_at < '2032-03-01'",
                        BigDecimal.class,
                        TENANT_C,
                        TENANT_D);
        assertThat(report.path("totals").path("saved").asString()).isEqualTo("1.5001960125");
        assertThat(new BigDecimal(report.path("totals").path("saved").asString()))
                .isEqualTo(rows)
                .isEqualByComparingTo(ledgerSum);
        assertThat(report.path("totals").path("hit_ratio").asString()).isEqualTo("0.6000");
    }

    @Test
    void comparesTemplateVersionsPerLabelWithLatencyPercentiles() {
        String csv = get("/api/v1/reports/templates?" + PERIOD + "&template=support-reply&format=csv&totals=true");

        ReportTestSupport.keep("templates.csv", csv);
        assertThat(csv).isEqualTo(ReportTestSupport.golden("templates.csv"));
        JsonNode report = json.readTree(get("/api/v1/reports/templates?" + PERIOD + "&template=support-reply"));
        assertThat(report.path("template").asString()).isEqualTo("support-reply");
        assertThat(report.path("rows")).hasSize(3);
        JsonNode production = report.path("rows").get(2);
        assertThat(production.path("version").asInt()).isEqualTo(2);
        assertThat(production.path("label").asString()).isEqualTo("production");
        assertThat(production.path("avg_latency_ms").decimalValue()).isEqualByComparingTo("152.5");
        assertThat(production.path("p95_latency_ms").asLong()).isEqualTo(300);
        assertThat(report.path("totals").path("cost").asString()).isEqualTo("2.5000012345");
        assertThat(report.path("totals").path("p95_latency_ms").asLong()).isEqualTo(900);
    }

    @Test
    void anUnusedTemplateHasNoRowsAndZeroTotals() {
        JsonNode report = json.readTree(get("/api/v1/reports/templates?" + PERIOD + "&template=never-used"));

        assertThat(report.path("rows")).isEmpty();
        assertThat(report.path("totals").path("requests").asLong()).isZero();
        assertThat(report.path("totals").path("cost").asString()).isEqualTo("0.0000000000");
        assertThat(report.path("totals").path("p95_latency_ms").isNull()).isTrue();
    }

    @Test
    void aTenantUserSeesOnlyItsOwnTenantsDecisionsAndHits() {
        String tenantAdmin = TestTokens.apiToken(redis, "TENANT_ADMIN", TENANT_D);

        JsonNode cache = json.readTree(ReportTestSupport.get(client, tenantAdmin, "/api/v1/reports/cache?" + PERIOD));
        JsonNode events = json.readTree(
                ReportTestSupport.get(client, tenantAdmin, "/api/v1/reports/guardrails/events?" + PERIOD));

        assertThat(cache.path("rows")).hasSize(1);
        assertThat(cache.path("rows").get(0).path("tenant").asString()).isEqualTo(TENANT_D);
        assertThat(events.path("events")).hasSize(1);
        client.get()
                .uri("/api/v1/reports/guardrails?" + PERIOD + "&tenant=" + TENANT_C)
                .header("Authorization", "Bearer " + tenantAdmin)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "guardrails|format=xml|format",
                "guardrails|totals=maybe|totals",
                "guardrails/events|limit=0|limit",
                "guardrails/events|limit=1001|limit",
                "guardrails/events|limit=ten|limit",
                "cache|from=2032-02-30|from",
                "cache|timezone=+02:00|timezone",
                "cache|tenant=acme|tenant",
                "templates|from=2032-02-01|template",
                "templates|template=no%20spaces|template",
                "templates|template=support-reply&to=2031-01-01|to"
            })
    void refusesBadParametersWithProblemDetailsNamingThem(String report, String query, String parameter) {
        client.get()
                .uri("/api/v1/reports/" + report + "?" + query)
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo(parameter);
    }

    private String get(String uri) {
        return ReportTestSupport.get(client, admin, uri);
    }
}
