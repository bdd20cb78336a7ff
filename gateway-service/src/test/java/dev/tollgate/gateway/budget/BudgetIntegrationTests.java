package dev.tollgate.gateway.budget;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.GatewayInstance;
import dev.tollgate.gateway.testing.RedisProxy;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.budget.SpendKeys;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budgets with holds against the real Redis, with two gateways sharing it: this test's context and a second one that
 * reaches Redis through a proxy a test can cut. The mock provider answers slowly, so concurrent requests are all
 * admitted or refused before the first of them settles.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tollgate.provider.mock.latency=1500ms")
class BudgetIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final RedisProxy proxy = new RedisProxy();
    static final ConfigurableApplicationContext instanceB = startInstanceB();
    // Closing a gateway while others run would stop theirs too (they share Reactor Netty's event loops), so the
    // fail-closed one lives as long as the class.
    static final RedisProxy strictProxy = new RedisProxy();
    static final ConfigurableApplicationContext strict =
            startInstance(strictProxy, "--tollgate.budgets.redis-outage=fail-closed");
    static final JedisPooled redis = new JedisPooled(URI.create(TestInfrastructure.redisUri()));
    static final JsonMapper json = JsonMapper.builder().build();
    static final String SINCE = (System.currentTimeMillis() - 60_000) + "-0";
    // Output only, so a request's hold is exactly max_tokens × $10 per million, whatever its prompt counts.
    static final PriceVersion OUTPUT_ONLY =
            new PriceVersion(Instant.parse("2020-01-01T00:00:00Z"), BigDecimal.ZERO, new BigDecimal("10"), null, null);
    static final String MODEL = controlPlane.unique("budgeted");

    @LocalServerPort
    int port;

    WebClient a;
    final WebClient b = client(GatewayInstance.port(instanceB));

    @BeforeEach
    void publish() {
        a = client(port);
        controlPlane.route(MODEL, "mock", null, null, "mock-chat", Map.of(), List.of(OUTPUT_ONLY));
    }

    @AfterAll
    static void cleanUp() {
        strict.close();
        strictProxy.close();
        instanceB.close();
        proxy.close();
        controlPlane.close();
        redis.close();
    }

    @Test
    void fiftyConcurrentRequestsAgainstABudgetForFiveAdmitFiveAcrossTwoGateways() {
        String key = controlPlane.key("*");
        String keyId = controlPlane.principal(key).keyId();
        // Each request holds 1000 × $10 / 1M = $0.01 up front; $0.045 has room for holds of five.
        BudgetSnapshot budget = budget("key", keyId, "0.045", "block", List.of());
        controlPlane.budgets("key", keyId, List.of(budget));

        List<ResponseEntity<String>> answers = Flux.range(0, 50)
                .flatMap(i -> chat(i % 2 == 0 ? a : b, key, 1000), 50)
                .collectList()
                .block(Duration.ofSeconds(60));

        List<ResponseEntity<String>> admitted = statuses(answers, HttpStatus.OK);
        List<ResponseEntity<String>> refused = statuses(answers, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(admitted).hasSize(5);
        assertThat(refused).hasSize(45);
        JsonNode error = json.readTree(refused.getFirst().getBody()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("budget_exceeded");
        assertThat(error.path("message").asString())
                .contains("monthly budget of 0.045 USD for this key is exhausted")
                .contains("resets at " + ISO_OFFSET_DATE_TIME.format(resetOf(budget)));
        assertThat(refused.getFirst().getHeaders().getFirst("retry-after")).matches("[1-9][0-9]*");

        List<UsageRecorded> events = events(keyId, 50);
        assertThat(events).hasSize(50);
        assertThat(events)
                .filteredOn(event -> event.status() == UsageStatus.REJECTED)
                .hasSize(45)
                .allSatisfy(event -> {
                    assertThat(event.errorCode()).isEqualTo("budget_exceeded");
                    assertThat(event.costUsd()).isZero();
                });
        // Holds are gone and the spend is exactly what the five answers cost, each rounded up to a nano-dollar.
        long spent = events.stream()
                .filter(event -> event.status() == UsageStatus.SUCCESS)
                .mapToLong(event -> SpendKeys.nanos(event.costUsd()))
                .sum();
        String period = BudgetWindow.of(budget, Instant.now()).id();
        assertThat(redis.get(SpendKeys.spent(budget.budgetId(), period))).isEqualTo(String.valueOf(spent));
        assertThat(redis.get(SpendKeys.held(budget.budgetId(), period))).isEqualTo("0");
        assertThat(redis.hlen(SpendKeys.holds(budget.budgetId(), period))).isZero();
    }

    @Test
    void holdsArePricedAtThePriciestModelARequestMayFallBackTo() {
        String fallback = controlPlane.unique("pricier");
        controlPlane.route(fallback, "mock", null, null, "mock-chat", Map.of(), List.of(OUTPUT_ONLY));
        String model = controlPlane.unique("cheaper");
        PriceVersion tenTimesCheaper =
                new PriceVersion(OUTPUT_ONLY.effectiveFrom(), BigDecimal.ZERO, BigDecimal.ONE, null, null);
        controlPlane.route(new ModelRoute(
                model,
                ModelRoute.PRIORITY,
                List.of(controlPlane.deployment(
                        "mock", null, null, "mock-chat", Map.of(), 1, 0, List.of(tenTimesCheaper))),
                null,
                List.of(new Fallback(fallback, List.of(Fallback.RATE_LIMITED))),
                null));
        String key = controlPlane.key("*");
        String keyId = controlPlane.principal(key).keyId();
        // Holds of 1000 × $10 / 1M = $0.01 (the fallback's price, not the model's $0.001): $0.015 has room for two.
        controlPlane.budgets("key", keyId, List.of(budget("key", keyId, "0.015", "block", List.of())));

        List<ResponseEntity<String>> answers = Flux.range(0, 3)
                .flatMap(i -> chat(a, key, model, 1000), 3)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers)
                .extracting(answer -> answer.getStatusCode().value())
                .containsExactlyInAnyOrder(200, 200, 429);
        assertThat(statuses(answers, HttpStatus.TOO_MANY_REQUESTS).getFirst().getBody())
                .contains("\"code\":\"budget_exceeded\"");
    }

    @Test
    void aTenantBudgetCoversEveryKeyOfTheTenantAndAZeroBudgetDeniesAll() {
        String tenant = controlPlane.limitedTenant(null, null);
        String first = controlPlane.tenantKey(tenant, "active", null, null, "*");
        String second = controlPlane.tenantKey(tenant, "active", null, null, "*");
        controlPlane.budgets("tenant", tenant, List.of(budget("tenant", tenant, "0", "block", List.of())));

        assertThat(chat(a, first, 10).block(Duration.ofSeconds(30)).getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        ResponseEntity<String> other = chat(b, second, 10).block(Duration.ofSeconds(30));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(json.readTree(other.getBody()).at("/error/message").asString())
                .contains("budget of 0 USD for this key's tenant");
    }

    @Test
    void eachAlertThresholdIsCrossedOncePerPeriod() {
        String key = controlPlane.key("*");
        String keyId = controlPlane.principal(key).keyId();
        BigDecimal cost = costOfOneAnswer();
        // Of three answers like that one, the first spends 50%, the second 100% (crossing 80 on the way), the third
        // more.
        BudgetSnapshot budget =
                budget("key", keyId, cost.multiply(BigDecimal.TWO).toPlainString(), "alert", List.of(50, 80, 100));
        controlPlane.budgets("key", keyId, List.of(budget));

        for (int i = 0; i < 3; i++) {
            assertThat(chat(a, key, 50).block(Duration.ofSeconds(30)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        List<BudgetThresholdCrossed> alerts = alerts(budget.budgetId(), 3);
        assertThat(alerts).extracting(BudgetThresholdCrossed::thresholdPercent).containsExactly(50, 80, 100);
        assertThat(alerts.get(0).spentUsd()).isEqualByComparingTo(cost);
        assertThat(alerts.get(2).spentUsd()).isEqualByComparingTo(cost.multiply(BigDecimal.TWO));
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.tenantId()).isEqualTo(controlPlane.principal(key).tenantId());
            assertThat(alert.source()).isEqualTo("gateway");
            assertThat(alert.periodId())
                    .isEqualTo(BudgetWindow.of(budget, Instant.now()).id());
        });
    }

    @Test
    void whileRedisIsDownABudgetAdmitsOnlyUpToTheSpendLastSeen() {
        String key = controlPlane.key("*");
        String keyId = controlPlane.principal(key).keyId();
        BigDecimal cost = costOfOneAnswer();
        BudgetSnapshot budget =
                budget("key", keyId, cost.multiply(new BigDecimal("2.5")).toPlainString(), "block", List.of());
        controlPlane.budgets("key", keyId, List.of(budget));
        // Seen once through Redis: one answer's worth spent.
        assertThat(chat(b, key, 50).block(Duration.ofSeconds(30)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        proxy.cut();
        List<HttpStatus> statuses;
        try {
            statuses = Flux.range(0, 3)
                    .concatMap(i -> chat(b, key, 50))
                    .map(answer -> HttpStatus.valueOf(answer.getStatusCode().value()))
                    .collectList()
                    .block(Duration.ofSeconds(60));
        } finally {
            proxy.restore();
        }

        // One answer's worth was spent of 2.5: two more fit (the second one's start leaves 0.5 unspent), the third
        // starts at 3 of 2.5 and is refused, just as Redis would have decided.
        assertThat(statuses).containsExactly(HttpStatus.OK, HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void underTheFailClosedPolicyAnOutageRefusesLimitedRequestsWith503() {
        String key = controlPlane.key("*");
        String keyId = controlPlane.principal(key).keyId();
        controlPlane.budgets("key", keyId, List.of(budget("key", keyId, "100", "block", List.of())));
        WebClient c = client(GatewayInstance.port(strict));
        assertThat(chat(c, key, 10).block(Duration.ofSeconds(30)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        strictProxy.cut();
        ResponseEntity<String> refused;
        try {
            refused = chat(c, key, 10).block(Duration.ofSeconds(30));
        } finally {
            strictProxy.restore();
        }

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(json.readTree(refused.getBody()).at("/error/code").asString())
                .isEqualTo("config_unavailable");
    }

    private static ZonedDateTime resetOf(BudgetSnapshot budget) {
        return Objects.requireNonNull(BudgetWindow.of(budget, Instant.now()).end())
                .atZone(ZoneId.of(budget.timezone()));
    }

    private static List<ResponseEntity<String>> statuses(List<ResponseEntity<String>> answers, HttpStatus status) {
        return answers.stream()
                .filter(answer -> answer.getStatusCode().equals(status))
                .toList();
    }

    private static BudgetSnapshot budget(
            String scope, String scopeId, String amount, String action, List<Integer> thresholds) {
        return new BudgetSnapshot(
                UUID.randomUUID().toString(), scope, scopeId, amount, "monthly", "Europe/Berlin", thresholds, action);
    }

    private static Mono<ResponseEntity<String>> chat(WebClient client, String key, int maxTokens) {
        return chat(client, key, MODEL, maxTokens);
    }

    private static Mono<ResponseEntity<String>> chat(WebClient client, String key, String model, int maxTokens) {
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.toEntity(String.class));
    }

    // An event slower than the publish timeout is spooled and replayed a few seconds later, so wait for all of them.
    private static List<UsageRecorded> events(String keyId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<UsageRecorded> events = events(keyId);
        while (events.size() < expected && System.nanoTime() < deadline) {
            pause();
            events = events(keyId);
        }
        return events;
    }

    private static List<BudgetThresholdCrossed> alerts(String budgetId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<BudgetThresholdCrossed> alerts = alerts(budgetId);
        while (alerts.size() < expected && System.nanoTime() < deadline) {
            pause();
            alerts = alerts(budgetId);
        }
        return alerts;
    }

    private static List<BudgetThresholdCrossed> alerts(String budgetId) {
        return redis.xrange(BudgetKeys.ALERTS_STREAM, SINCE, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> budgetId.equals(fields.get("budget_id")))
                .map(BudgetThresholdCrossed::fromFields)
                .toList();
    }

    private static List<UsageRecorded> events(String keyId) {
        return redis.xrange(UsageKeys.EVENTS_STREAM, SINCE, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> keyId.equals(fields.get("key_id")))
                .map(UsageRecorded::fromFields)
                .toList();
    }

    /**
     * What one answer to {@link #chat} with {@code max_tokens} 50 costs, learnt with a key of its own: the key under
     * test must first be seen with its budgets, not cached without them before they were published.
     */
    private BigDecimal costOfOneAnswer() {
        ResponseEntity<String> answer = chat(a, controlPlane.key("*"), 50).block(Duration.ofSeconds(30));
        return new BigDecimal(Objects.requireNonNull(answer.getHeaders().getFirst("x-tollgate-cost-usd")));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static WebClient client(int port) {
        return WebClient.builder().baseUrl("http://localhost:" + port).build();
    }

    private static ConfigurableApplicationContext startInstanceB() {
        return startInstance(proxy);
    }

    private static ConfigurableApplicationContext startInstance(RedisProxy through, String... extra) {
        List<String> args = new ArrayList<>(List.of("--tollgate.provider.mock.latency=1500ms"));
        args.addAll(List.of(extra));
        return GatewayInstance.start(through.uri(), args.toArray(String[]::new));
    }
}
