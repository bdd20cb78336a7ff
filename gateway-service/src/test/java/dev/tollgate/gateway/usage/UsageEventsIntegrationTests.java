package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.FakeUpstream;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/** One usage event per authenticated request, read back from the real Redis stream, with exact costs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UsageEventsIntegrationTests {

    static final FakeUpstream upstream = new FakeUpstream();
    static final ControlPlane controlPlane = new ControlPlane();
    static final UsageStream stream = new UsageStream(TestInfrastructure.redisUri());

    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    static final PriceVersion MINI = price(LONG_AGO, "0.15", "0.60", "0.075");
    static final String PRICED = controlPlane.unique("priced");
    static final String PRICE_CHANGES_LATER = controlPlane.unique("price-changes-later");
    static final String PRICE_CHANGED = controlPlane.unique("price-changed");
    static final String STREAMED = controlPlane.unique("streamed");
    static final String ENDLESS = controlPlane.unique("endless");
    static final String FAILING = controlPlane.unique("failing");
    // Published, not the static mock-chat: other suites may publish prices under the static names in the shared Redis.
    static final String MOCKED = controlPlane.unique("mocked");
    // (1234 − 567) × 0.15 + 567 × 0.075 + 89 × 0.60 = 195.975 per million tokens
    static final String MINI_COST = "0.0001959750";

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    String key;
    String keyId;

    @DynamicPropertySource
    static void staticUpstream(DynamicPropertyRegistry registry) {
        registry.add("tollgate.provider.openai.base-url", upstream::baseUrl);
        registry.add("tollgate.provider.openai.models", () -> "stub-echo");
    }

    @BeforeEach
    void publish() {
        Instant now = Instant.now();
        route(PRICED, "stub-cached", List.of(MINI));
        route(PRICE_CHANGES_LATER, "stub-cached", List.of(MINI, price(now.plusSeconds(3600), "1.00", "2.00", null)));
        route(PRICE_CHANGED, "stub-cached", List.of(price(now.minusSeconds(1), "1.00", "2.00", null), MINI));
        route(STREAMED, "stub-stream", List.of(MINI));
        route(ENDLESS, "stub-endless", List.of(MINI));
        route(FAILING, "stub-html-502", List.of(MINI));
        controlPlane.route(MOCKED, "mock", null, null, "mock-large", Map.of());
        key = controlPlane.key("*");
        keyId = controlPlane.principal(key).keyId();
        upstream.forgetRequests();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
        upstream.close();
        stream.close();
    }

    @Test
    void recordsTheExactCostOfAnAnswerWithCachedAndReasoningTokens() {
        EntityExchangeResult<byte[]> result = post(chat(PRICED, ""), "x-tollgate-tag-team", "search")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-tollgate-cost-usd", MINI_COST)
                .expectBody()
                .returnResult();

        UsageRecorded event = onlyEvent();
        assertThat(event.requestId()).isEqualTo(result.getResponseHeaders().getFirst("x-request-id"));
        assertThat(UUID.fromString(event.eventId()).version()).isEqualTo(7);
        assertThat(event.tenantId()).isEqualTo(controlPlane.principal(key).tenantId());
        assertThat(event.endUser()).isEqualTo("alice");
        assertThat(event.tags()).isEqualTo(Map.of("team", "search"));
        assertThat(event.requestedModel()).isEqualTo(PRICED);
        assertThat(event.deploymentId()).isNotBlank();
        assertThat(event.provider()).isEqualTo("openai-compatible");
        assertThat(event.upstreamModel()).isEqualTo("stub-cached");
        assertThat(List.of(event.promptTokens(), event.completionTokens(), event.cachedTokens()))
                .containsExactly(1234L, 89L, 567L);
        assertThat(event.reasoningTokens()).isEqualTo(21);
        assertThat(event.tokensEstimated()).isFalse();
        assertThat(event.costUsd()).isEqualTo(new BigDecimal(MINI_COST));
        assertThat(event.priceVersion()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(event.priced()).isTrue();
        assertThat(event.status()).isEqualTo(UsageStatus.SUCCESS);
        assertThat(event.httpStatus()).isEqualTo(200);
        assertThat(event.stream()).isFalse();
        assertThat(event.ttftMs()).isNull();
        assertThat(event.retries()).isZero();
    }

    @Test
    void pricesEachRequestByTheVersionInForceWhenItStarted() {
        post(chat(PRICE_CHANGES_LATER, ""))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-tollgate-cost-usd", MINI_COST);
        // No cached price in the new version: cached tokens cost the input price, 1234 × 1.00 + 89 × 2.00.
        post(chat(PRICE_CHANGED, ""))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("x-tollgate-cost-usd", "0.0014120000");

        List<UsageRecorded> events = stream.eventsOf(keyId);
        assertThat(events)
                .extracting(UsageRecorded::priceVersion)
                .doesNotContainNull()
                .hasSize(2);
        assertThat(Instant.parse(events.get(1).priceVersion())).isAfter(LONG_AGO);
    }

    @Test
    void stripsTheUsageChunkTheClientDidNotAskForYetRecordsTheUpstreamsUsage() throws Exception {
        String body = streamed(chat(STREAMED, ",\"stream\":true"));

        assertThat(body).doesNotContain("\"usage\"").endsWith("data: [DONE]\n\n");
        assertThat(upstream.nextRequest()
                        .body()
                        .path("stream_options")
                        .path("include_usage")
                        .asBoolean())
                .isTrue();
        UsageRecorded event = onlyEvent();
        assertThat(event.stream()).isTrue();
        assertThat(event.promptTokens()).isEqualTo(1234);
        assertThat(event.tokensEstimated()).isFalse();
        assertThat(event.costUsd()).isEqualTo(new BigDecimal(MINI_COST));
        assertThat(event.ttftMs()).isNotNull();
    }

    @Test
    void passesTheUsageChunkToAClientThatAskedForIt() {
        String body = streamed(chat(STREAMED, ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

        assertThat(body).containsOnlyOnce("\"usage\":{\"prompt_tokens\":1234");
        assertThat(onlyEvent().completionTokens()).isEqualTo(89);
    }

    @Test
    void billsWhatAStreamCutByTheClientGeneratedInExactlyOneEvent() throws Exception {
        WebClient.create("http://localhost:" + port)
                .post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat(ENDLESS, ",\"stream\":true"))
                .retrieve()
                .bodyToFlux(String.class)
                .take(3)
                .blockLast(Duration.ofSeconds(5));

        assertThat(upstream.endlessStreamWasClosed()).isTrue();
        List<UsageRecorded> events = stream.awaitEvents(keyId, 1, Duration.ofSeconds(5));
        Thread.sleep(300); // a second event would have to arrive now
        assertThat(stream.eventsOf(keyId)).hasSize(1);
        UsageRecorded event = events.getFirst();
        assertThat(event.status()).isEqualTo(UsageStatus.CLIENT_CANCELLED);
        assertThat(event.httpStatus()).isEqualTo(499);
        assertThat(event.completionTokens()).isPositive();
        assertThat(event.tokensEstimated()).isTrue();
        assertThat(event.costUsd()).isPositive();
    }

    @Test
    void recordsAnUpstreamFailureAtZeroCost() {
        post(chat(FAILING, "")).expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY);

        UsageRecorded event = onlyEvent();
        assertThat(event.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(event.httpStatus()).isEqualTo(502);
        assertThat(event.costUsd()).isZero();
        assertThat(event.priced()).isTrue();
    }

    @Test
    void recordsAModelTheKeyMayNotUseAsRejected() {
        key = controlPlane.key(MOCKED);
        keyId = controlPlane.principal(key).keyId();

        post(chat(PRICED, "")).expectStatus().isNotFound();

        UsageRecorded event = onlyEvent();
        assertThat(event.status()).isEqualTo(UsageStatus.REJECTED);
        assertThat(event.httpStatus()).isEqualTo(404);
        assertThat(event.requestedModel()).isEqualTo(PRICED);
        assertThat(event.deploymentId()).isNull();
        assertThat(event.costUsd()).isZero();
    }

    @Test
    void theBuiltInMockIsFreeAndAStaticUpstreamIsUnpriced() {
        post(chat(MOCKED, "")).expectStatus().isOk().expectHeader().valueEquals("x-tollgate-cost-usd", "0.0000000000");
        post(chat("stub-echo", "")).expectStatus().isOk().expectHeader().doesNotExist("x-tollgate-cost-usd");

        List<UsageRecorded> events = stream.eventsOf(keyId);
        assertThat(events).extracting(UsageRecorded::priceVersion).containsExactly("mock", null);
        assertThat(events).extracting(UsageRecorded::priced).containsExactly(true, false);
        assertThat(events.get(1).costUsd()).isNull();
    }

    @Test
    void recordsEmbeddingsWithTheirInputTokens() {
        client.post()
                .uri("/v1/embeddings")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + MOCKED + "\",\"input\":[\"hello world\",\"again\"]}")
                .exchange()
                .expectStatus()
                .isOk();

        UsageRecorded event = onlyEvent();
        assertThat(event.promptTokens()).isEqualTo(3);
        assertThat(event.priceVersion()).isEqualTo("mock");
    }

    @Test
    void recordsTheLastUseOfTheKeyAlongsideItsEvent() {
        post(chat(PRICED, "")).expectStatus().isOk();

        UsageRecorded event = onlyEvent();
        String lastUse = stream.lastUseOf(keyId);
        stream.forgetLastUseOf(keyId);
        assertThat(lastUse).isNotNull();
        assertThat(Instant.parse(lastUse)).isEqualTo(event.timestamp());
    }

    private UsageRecorded onlyEvent() {
        List<UsageRecorded> events = stream.eventsOf(keyId);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private WebTestClient.ResponseSpec post(String body, String... headers) {
        WebTestClient.RequestBodySpec request = client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .header("x-tollgate-user", "alice");
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String streamed(String body) {
        return new String(
                post(body).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String chat(String model, String more) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + more + "}";
    }

    private static void route(String model, String upstreamModel, List<PriceVersion> prices) {
        controlPlane.route(model, "openai-compatible", upstream.baseUrl(), "sk-up", upstreamModel, Map.of(), prices);
    }

    private static PriceVersion price(Instant from, String input, String output, String cached) {
        return new PriceVersion(
                from,
                new BigDecimal(input),
                new BigDecimal(output),
                cached == null ? null : new BigDecimal(cached),
                null);
    }
}
