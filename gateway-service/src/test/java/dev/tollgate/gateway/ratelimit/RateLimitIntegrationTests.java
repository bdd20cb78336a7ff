package dev.tollgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.GatewayInstance;
import dev.tollgate.gateway.testing.RedisProxy;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-key limits against the real Redis, with two gateways sharing it: this test's context ({@code a}) and a second
 * one ({@code b}) reaching Redis through a proxy that a test can cut, limiting alone meanwhile as one of two
 * instances, and refusing (not clamping) requests above their key's {@code max_tokens}.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        // Answers take a moment, so concurrent requests are all admitted before any is reconciled.
        properties = "tollgate.provider.mock.latency=150ms")
@AutoConfigureWebTestClient
class RateLimitIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final RedisProxy proxy = new RedisProxy();
    static final ConfigurableApplicationContext instanceB = startInstanceB();
    static final JedisPooled redis = new JedisPooled(URI.create(TestInfrastructure.redisUri()));
    static final JsonMapper json = JsonMapper.builder().build();
    static final String SINCE = (System.currentTimeMillis() - 60_000) + "-0";

    @Autowired
    WebTestClient a;

    @LocalServerPort
    int port;

    final WebTestClient b = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + GatewayInstance.port(instanceB))
            .responseTimeout(Duration.ofSeconds(10))
            .build();

    @AfterAll
    static void cleanUp() {
        instanceB.close();
        proxy.close();
        controlPlane.close();
        redis.close();
    }

    @Test
    void twoInstancesTogetherAdmitAtMostTheRequestLimitWithDecreasingHeaders() {
        String key = limited(4, null, null);
        List<String> remaining = new ArrayList<>();
        int admitted = 0;

        for (int i = 0; i < 8; i++) {
            var result = chat(i % 2 == 0 ? a : b, key, "{}");
            if (result.getStatus().is2xxSuccessful()) {
                admitted++;
                remaining.add(result.getResponseHeaders().getFirst("x-ratelimit-remaining-requests"));
            }
        }

        assertThat(admitted).isEqualTo(4);
        assertThat(remaining).containsExactly("3", "2", "1", "0");
    }

    @Test
    void aTenantLimitIsSharedByAllItsKeysOnEveryInstance() {
        String tenant = controlPlane.limitedTenant(3, null);
        Limits limits = new Limits(Limits.TENANT, tenant, 0, 0);
        controlPlane.forget(limits.requestsKey(), limits.tokensKey());
        String first = controlPlane.tenantKey(tenant, "active", null, null, "*");
        String second = controlPlane.tenantKey(tenant, "active", null, null, "*");
        List<EntityExchangeResult<byte[]>> results = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            results.add(chat(i % 2 == 0 ? a : b, i < 3 ? first : second, "{}"));
        }

        assertThat(results)
                .extracting(result -> result.getStatus().value())
                .containsExactly(200, 200, 200, 429, 429, 429);
        assertThat(results.get(2).getResponseHeaders().getFirst("x-ratelimit-remaining-requests"))
                .isEqualTo("0");
        assertThat(body(results.get(3)).at("/error/message").asString())
                .startsWith("Rate limit reached for this key's tenant on requests per min (RPM): Limit 3.");
    }

    @Test
    void refusesOverTheLimitLikeOpenAiWithOneRejectedUsageEvent() {
        String key = limited(1, 10_000, null);
        chat(a, key, "{}");

        var refused = chat(a, key, "{}");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        var headers = refused.getResponseHeaders();
        assertThat(Long.parseLong(headers.getFirst("retry-after"))).isBetween(1L, 60L);
        assertThat(headers.getFirst("x-ratelimit-limit-requests")).isEqualTo("1");
        assertThat(headers.getFirst("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(headers.getFirst("x-ratelimit-reset-requests")).matches("\\d+(\\.\\d+)?s|\\d+ms");
        assertThat(headers.getFirst("x-ratelimit-limit-tokens")).isEqualTo("10000");
        JsonNode error = body(refused).get("error");
        assertThat(error.get("type").asString()).isEqualTo("requests");
        assertThat(error.get("code").asString()).isEqualTo("rate_limit_exceeded");
        List<UsageRecorded> rejected = events(key).stream()
                .filter(event -> event.status() == UsageStatus.REJECTED)
                .toList();
        assertThat(rejected).hasSize(1);
        assertThat(rejected.getFirst().httpStatus()).isEqualTo(429);
        assertThat(Objects.requireNonNullElse(rejected.getFirst().costUsd(), BigDecimal.ZERO))
                .isEqualByComparingTo("0");
    }

    @Test
    void aLimitOfZeroDeniesEveryRequest() {
        var noRequests = chat(a, limited(0, null, null), "{}");
        var noTokens = chat(a, limited(null, 0, null), "{}");

        assertThat(noRequests.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(body(noRequests).at("/error/type").asString()).isEqualTo("requests");
        assertThat(noTokens.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(body(noTokens).at("/error/type").asString()).isEqualTo("tokens");
    }

    @Test
    void streamsAndEmbeddingsAreLimitedToo() {
        String key = limited(1, 100_000, null);

        var streamed = a.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request("\"stream\":true"))
                .exchange()
                .expectBody()
                .returnResult();
        var embedded = a.post()
                .uri("/v1/embeddings")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"mock-embedding\",\"input\":\"hello\"}")
                .exchange()
                .expectBody()
                .returnResult();

        assertThat(streamed.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(streamed.getResponseHeaders().getFirst("x-ratelimit-remaining-requests"))
                .isEqualTo("0");
        assertThat(embedded.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(body(embedded).at("/error/type").asString()).isEqualTo("requests");
    }

    @Test
    void unlimitedKeysGetNoRateLimitHeaders() {
        var answer = chat(a, controlPlane.key("*"), "{}");

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getResponseHeaders().headerNames()).noneMatch(name -> name.startsWith("x-ratelimit"));
    }

    @Test
    void concurrentRequestsStayWithinTheTokenLimitPlusOneRequest() {
        String key = limited(null, 300, null);

        WebClient web = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = Flux.range(0, 8)
                .flatMap(i -> web.post()
                        .uri("/v1/chat/completions")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(request("\"max_tokens\":100"))
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode().value())))
                .collectList()
                .block(Duration.ofSeconds(10));

        // Each is charged its prompt (about 15) plus 100: two fit in 300 and a third may start on the remainder.
        assertThat(statuses).filteredOn(status -> status == 200).hasSizeBetween(2, 3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSizeBetween(5, 6);
    }

    @Test
    void reconciliationMovesTheTokenCounterToActualUsage() {
        String key = limited(null, 600, null); // 10 tokens a second flow back

        var answer = chat(a, key, "{}"); // charged prompt + 256 up front

        long used = body(answer).at("/usage/total_tokens").asLong();
        assertThat(used).isLessThan(100);
        assertThat(outstandingTokens(key, 600)).isBetween(used - 15, used);
    }

    @Test
    void clampsMaxTokensToTheKeysCapAndSaysSo() {
        String key = limited(null, null, 3);

        var asked = chat(a, key, "\"max_tokens\":50");
        var unasked = chat(a, key, "{}");

        assertThat(asked.getResponseHeaders().getFirst("x-tollgate-max-tokens-clamped"))
                .isEqualTo("3");
        assertThat(body(asked).at("/usage/completion_tokens").asInt()).isLessThanOrEqualTo(3);
        assertThat(unasked.getResponseHeaders().getFirst("x-tollgate-max-tokens-clamped"))
                .isEqualTo("3");
        assertThat(body(unasked).at("/usage/completion_tokens").asInt()).isLessThanOrEqualTo(3);
    }

    @Test
    void rejectsMaxTokensAboveTheKeysCapUnderTheRejectPolicy() {
        String key = limited(null, null, 3);

        var refused = chat(b, key, "\"max_tokens\":50");
        var capped = chat(b, key, "{}");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(refused).at("/error/code").asString()).isEqualTo("invalid_request");
        assertThat(body(refused).at("/error/param").asString()).isEqualTo("max_tokens");
        assertThat(capped.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(body(capped).at("/usage/completion_tokens").asInt()).isLessThanOrEqualTo(3);
    }

    @Test
    void failsOpenToALocalShareOfTheLimitWhileRedisIsDown() {
        String key = limited(4, null, null);
        assertThat(chat(b, key, "{}").getStatus()).isEqualTo(HttpStatus.OK); // caches the key in b
        double degradedBefore = degraded();

        proxy.cut();
        List<HttpStatus> statuses = new ArrayList<>();
        String localLimit;
        try {
            for (int i = 0; i < 3; i++) {
                statuses.add(HttpStatus.valueOf(chat(b, key, "{}").getStatus().value()));
            }
            localLimit = chat(b, key, "{}").getResponseHeaders().getFirst("x-ratelimit-limit-requests");
        } finally {
            proxy.restore();
        }

        // b is one of two expected instances: alone it allows half of the key's 4 a minute.
        assertThat(statuses).containsExactly(HttpStatus.OK, HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(localLimit).isEqualTo("2");
        assertThat(degraded() - degradedBefore).isEqualTo(4.0);
    }

    private static String limited(Integer rpm, Integer tpm, Integer maxTokens) {
        String secret = controlPlane.limitedKey(rpm, tpm, maxTokens, "*");
        String keyId = controlPlane.principal(secret).keyId();
        Limits limits = new Limits(Limits.KEY, keyId, 0, 0);
        controlPlane.forget(limits.requestsKey(), limits.tokensKey());
        return secret;
    }

    private static EntityExchangeResult<byte[]> chat(WebTestClient client, String key, String extra) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(extra.equals("{}") ? "" : extra))
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static String request(String extra) {
        String fields = extra.isEmpty() ? "" : "," + extra;
        return "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]" + fields + "}";
    }

    private static JsonNode body(EntityExchangeResult<byte[]> result) {
        return json.readTree(Objects.requireNonNull(result.getResponseBody()));
    }

    private static List<UsageRecorded> events(String secret) {
        String keyId = controlPlane.principal(secret).keyId();
        return redis.xrange(UsageKeys.EVENTS_STREAM, SINCE, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> keyId.equals(fields.get("key_id")))
                .map(UsageRecorded::fromFields)
                .toList();
    }

    // The GCRA arrival time's distance from Redis's now, in tokens at the key's rate.
    private static long outstandingTokens(String secret, long tpm) {
        String tat =
                redis.get(new Limits(Limits.KEY, controlPlane.principal(secret).keyId(), 0, 0).tokensKey());
        List<?> time = (List<?>) redis.eval("return redis.call('TIME')");
        long now = Long.parseLong(time.get(0).toString()) * 1_000_000
                + Long.parseLong(time.get(1).toString());
        return tat == null ? 0 : (Long.parseLong(tat) - now) * tpm / Limits.WINDOW_MICROS;
    }

    private static double degraded() {
        var counter = instanceB
                .getBean(MeterRegistry.class)
                .find(RateLimitDegradation.METRIC)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConfigurableApplicationContext startInstanceB() {
        return GatewayInstance.start(
                proxy.uri(), "--tollgate.limits.expected-instances=2", "--tollgate.limits.max-tokens-policy=reject");
    }
}
