package dev.tollgate.gateway.routing;

import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.BAD_REQUEST;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.CONTENT_FILTERED;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.CONTEXT_TOO_LONG;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.OK;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.RATE_LIMITED;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.RATE_LIMITED_LONG;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.SERVER_ERROR;
import static dev.tollgate.gateway.testing.ScriptedUpstream.Fault.STREAM_CUT_BEFORE_FIRST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.ScriptedUpstream;
import dev.tollgate.gateway.testing.ScriptedUpstream.Fault;
import dev.tollgate.gateway.usage.UsageStream;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.route.RetryPolicy;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routing against stub deployments over real HTTP that fail on command: every fault ends in the documented behaviour
 * (a retry on another deployment or after a backoff, a fallback to another model, or a clear error) and in exactly one
 * usage event, priced on the deployment that served and recording the retries and fallbacks.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "tollgate.provider.openai.first-byte-timeout=1s",
            "tollgate.provider.openai.idle-timeout=1s",
            "tollgate.provider.openai.total-timeout=2s",
            "tollgate.routing.retry.backoff=10ms",
            "tollgate.routing.retry.max-backoff=1500ms",
            "tollgate.routing.health.window=4",
            "tollgate.routing.health.minimum-calls=2",
            "tollgate.routing.health.open-for=1s",
            "tollgate.routing.health.rate-limit-cooldown=1s"
        })
@AutoConfigureWebTestClient(timeout = "20s")
class RoutingIntegrationTests {

    static final ScriptedUpstream upstream = new ScriptedUpstream();
    static final ControlPlane controlPlane = new ControlPlane();
    static final UsageStream usage = new UsageStream(TestInfrastructure.redisUri());
    static final RetryPolicy TWO_RETRIES = new RetryPolicy(2, 10, 1500);

    @Autowired
    WebTestClient client;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    String key;
    String keyId;

    @AfterAll
    static void stop() {
        upstream.close();
        controlPlane.close();
        usage.close();
    }

    @BeforeEach
    void freshKey() {
        upstream.reset();
        key = controlPlane.key("*");
        keyId = controlPlane.principal(key).keyId();
    }

    @Test
    void retriesARateLimitedDeploymentOnTheNextAndCoolsItDown() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b);
        upstream.next(a, RATE_LIMITED);

        EntityExchangeResult<String> first = chat(model);
        for (int i = 0; i < 3; i++) {
            assertThat(chat(model).getResponseBody()).contains("served by " + b);
        }

        assertThat(first.getStatus().value()).isEqualTo(200);
        assertThat(first.getResponseBody()).contains("served by " + b);
        assertThat(first.getResponseHeaders().getFirst("x-tollgate-model")).isEqualTo(b);
        assertThat(first.getResponseHeaders().getFirst("x-tollgate-provider")).isEqualTo("openai");
        assertThat(upstream.requests(a)).as("a cooled down for its retry-after").isEqualTo(1);
        UsageRecorded event = events(4).getFirst();
        assertThat(event.retries()).isEqualTo(1);
        assertThat(event.upstreamModel()).isEqualTo(b);
        assertThat(event.status()).isEqualTo(UsageStatus.SUCCESS);
    }

    @Test
    void waitsForAShortRetryAfterWhenNoOtherDeploymentIsLeft() throws Exception {
        String a = unique("a");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a);
        upstream.next(a, RATE_LIMITED, OK);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(upstream.requests(a)).isEqualTo(2);
        assertThat(events(1).getFirst().retries()).isEqualTo(1);
    }

    @Test
    void passesOnARetryAfterLongerThanRetriesWait() throws Exception {
        String a = unique("a");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a);
        upstream.next(a, RATE_LIMITED_LONG);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(429);
        assertThat(answer.getResponseHeaders().getFirst("retry-after")).isEqualTo("120");
        assertThat(answer.getResponseBody()).contains("\"code\":\"upstream_rate_limited\"");
        assertThat(upstream.requests(a)).isEqualTo(1);
        UsageRecorded event = events(1).getFirst();
        assertThat(event.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(event.httpStatus()).isEqualTo(429);
        assertThat(event.retries()).isZero();
    }

    @ParameterizedTest
    @EnumSource(names = {"SERVER_ERROR", "HTML_503", "HTML_200", "GARBAGE", "RESET", "SILENT"})
    void retriesAFailureBeforeTheFirstByteOnAnotherDeployment(Fault fault) throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b);
        upstream.next(a, fault);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(answer.getResponseBody()).contains("served by " + b);
        UsageRecorded event = events(1).getFirst();
        assertThat(event.retries()).isEqualTo(1);
        assertThat(event.upstreamModel()).isEqualTo(b);
    }

    @Test
    void answersWithTheLastFailureOnceRetriesAreSpent() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String c = unique("c");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b, c);
        upstream.next(a, SERVER_ERROR);
        upstream.next(b, SERVER_ERROR);
        upstream.next(c, SERVER_ERROR);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(502);
        assertThat(answer.getResponseBody()).contains("\"code\":\"upstream_unavailable\"");
        assertThat(upstream.requests(a) + upstream.requests(b) + upstream.requests(c))
                .isEqualTo(3);
        UsageRecorded event = events(1).getFirst();
        assertThat(event.retries()).isEqualTo(2);
        assertThat(event.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(event.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void stopsRetryingADeploymentWhoseCircuitOpenedAndAnswersWithItsLastFailure() throws Exception {
        String a = unique("a");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a);
        upstream.always(a, SERVER_ERROR);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(502);
        assertThat(answer.getResponseBody()).contains("is unavailable (HTTP 500)");
        assertThat(upstream.requests(a))
                .as("the circuit opened after the health window's minimum")
                .isEqualTo(2);
        assertThat(events(1).getFirst().retries()).isEqualTo(1);
    }

    @Test
    void neverWaitsForTheSameDeploymentAgainAfterATimeout() throws Exception {
        String a = unique("a");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a);
        upstream.next(a, Fault.SILENT);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(504);
        assertThat(answer.getResponseBody()).contains("\"code\":\"upstream_timeout\"");
        assertThat(upstream.requests(a)).isEqualTo(1);
        assertThat(events(1).getFirst().retries()).isZero();
    }

    @Test
    void neverRetriesTheCallersMistake() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b);
        upstream.next(a, BAD_REQUEST);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(400);
        assertThat(answer.getResponseBody()).contains("logit_bias");
        assertThat(upstream.requests(b)).isZero();
        assertThat(events(1).getFirst().retries()).isZero();
    }

    @Test
    void retriesAStreamThatFailsBeforeItsFirstChunk() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b);
        upstream.next(a, STREAM_CUT_BEFORE_FIRST);

        EntityExchangeResult<String> answer = stream(model);

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(answer.getResponseHeaders().getFirst("x-tollgate-model")).isEqualTo(b);
        assertThat(answer.getResponseBody())
                .contains("served by " + b)
                .containsOnlyOnce("data: [DONE]")
                .doesNotContain("partial");
        assertThat(events(1).getFirst().retries()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(names = {"STREAM_CUT_AFTER_FIRST", "STREAM_STALLS_AFTER_FIRST"})
    void neverRetriesAStreamOnceItsFirstChunkWasSent(Fault fault) throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b);
        upstream.next(a, fault);

        EntityExchangeResult<String> answer = stream(model);

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(answer.getResponseBody())
                .contains("partial")
                .contains("\"error\"")
                .doesNotContain("[DONE]");
        assertThat(upstream.requests(b)).isZero();
        UsageRecorded event = events(1).getFirst();
        assertThat(event.status()).isEqualTo(UsageStatus.UPSTREAM_ERROR);
        assertThat(event.retries()).isZero();
    }

    @Test
    void fallsBackToAnotherModelWhenEveryDeploymentIsRateLimited() throws Exception {
        String a = unique("a");
        String c = unique("c");
        String fallback = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), c);
        String model = route(
                ModelRoute.PRIORITY, TWO_RETRIES, List.of(new Fallback(fallback, List.of(Fallback.RATE_LIMITED))), a);
        upstream.next(a, RATE_LIMITED_LONG);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(answer.getResponseBody()).contains("served by " + c);
        assertThat(answer.getResponseHeaders().getFirst("x-tollgate-model")).isEqualTo(c);
        UsageRecorded event = events(1).getFirst();
        assertThat(event.requestedModel()).isEqualTo(model);
        assertThat(event.routing()).isEqualTo(new UsageRecorded.RoutingUse(1, fallback));
        assertThat(event.retries()).isEqualTo(1);
        assertThat(event.upstreamModel()).isEqualTo(c);
        assertThat(meters.get("tollgate.routing.fallbacks")
                        .tag("condition", "rate_limited")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.get("tollgate.routing.attempts")
                        .tag("outcome", "rate_limited")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void fallsBackOnlyOnTheConditionsItLists() throws Exception {
        String a = unique("a");
        String c = unique("c");
        String fallback = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), c);
        String model = route(
                ModelRoute.PRIORITY,
                TWO_RETRIES,
                List.of(new Fallback(fallback, List.of(Fallback.CONTEXT_WINDOW_EXCEEDED))),
                a);
        upstream.next(a, CONTEXT_TOO_LONG, RATE_LIMITED_LONG);

        EntityExchangeResult<String> tooLong = chat(model);
        EntityExchangeResult<String> rateLimited = chat(model);

        assertThat(tooLong.getStatus().value()).isEqualTo(200);
        assertThat(tooLong.getResponseBody()).contains("served by " + c);
        assertThat(rateLimited.getStatus().value()).isEqualTo(429);
        assertThat(upstream.requests(c)).isEqualTo(1);
    }

    @Test
    void fallsBackWhenTheContentFilterWithheldTheAnswer() throws Exception {
        String a = unique("a");
        String c = unique("c");
        String fallback = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), c);
        String model = route(
                ModelRoute.PRIORITY, TWO_RETRIES, List.of(new Fallback(fallback, List.of(Fallback.CONTENT_FILTER))), a);
        upstream.next(a, CONTENT_FILTERED);

        EntityExchangeResult<String> answer = chat(model);

        assertThat(answer.getResponseBody()).contains("served by " + c);
        assertThat(events(1).getFirst().routing()).isEqualTo(new UsageRecorded.RoutingUse(1, fallback));
    }

    @Test
    void keepsAFailingDeploymentOutOfRotationUntilItsProbeSucceeds() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = route(ModelRoute.PRIORITY, TWO_RETRIES, List.of(), a, b);
        upstream.always(a, SERVER_ERROR);

        for (int i = 0; i < 6; i++) {
            assertThat(chat(model).getResponseBody()).contains("served by " + b);
        }
        int whileOpen = upstream.requests(a);
        Thread.sleep(1200); // the circuit's open-for
        for (int i = 0; i < 4; i++) {
            assertThat(chat(model).getResponseBody()).contains("served by " + b);
        }
        int afterFailedProbe = upstream.requests(a);
        upstream.always(a, OK);
        Thread.sleep(1200);
        for (int i = 0; i < 4; i++) {
            chat(model);
        }

        assertThat(whileOpen).as("failures before the circuit opened").isEqualTo(2);
        assertThat(afterFailedProbe).as("one probe, which failed").isEqualTo(whileOpen + 1);
        assertThat(upstream.requests(a))
                .as("the probe succeeded, a is first again")
                .isEqualTo(afterFailedProbe + 4);
    }

    @Test
    void answersThatEveryDeploymentIsCoolingDownWithWhenToRetry() throws Exception {
        String a = unique("a");
        String model = route(ModelRoute.PRIORITY, new RetryPolicy(0, null, null), List.of(), a);
        upstream.next(a, RATE_LIMITED);
        chat(model);

        EntityExchangeResult<String> cooling = chat(model);

        assertThat(cooling.getStatus().value()).isEqualTo(429);
        assertThat(cooling.getResponseBody()).contains("cooling down after rate limits");
        assertThat(cooling.getResponseHeaders().getFirst("retry-after")).isEqualTo("1");
        assertThat(upstream.requests(a)).isEqualTo(1);
    }

    @Test
    void splitsTrafficByWeightWithinStatisticalBounds() throws Exception {
        String a = unique("a");
        String b = unique("b");
        String model = controlPlane.unique("weighted-" + a);
        controlPlane.route(new ModelRoute(
                model,
                ModelRoute.WEIGHTED,
                List.of(deployment(a, 3, 0, List.of()), deployment(b, 1, 0, List.of())),
                TWO_RETRIES,
                List.of(),
                null));
        int requests = 400;

        for (int i = 0; i < requests; i++) {
            chat(model);
        }

        // Binomial with p = 3/4: four standard deviations either side, so an honest split fails once in ~16,000 runs.
        double p = 0.75;
        double sigma = Math.sqrt(p * (1 - p) / requests);
        double share = upstream.requests(a) / (double) requests;
        assertThat(upstream.requests(a) + upstream.requests(b)).isEqualTo(requests);
        assertThat(share).isBetween(p - 4 * sigma, p + 4 * sigma);
    }

    @Test
    void sendsEveryRequestToTheCheapestDeploymentUnderTheCostStrategy() throws Exception {
        String pricey = unique("pricey");
        String cheap = unique("cheap");
        String model = controlPlane.unique("cost-" + cheap);
        controlPlane.route(new ModelRoute(
                model,
                ModelRoute.COST,
                List.of(
                        deployment(pricey, 1, 0, price("5.00", "15.00")),
                        deployment(cheap, 1, 1, price("0.15", "0.60"))),
                TWO_RETRIES,
                List.of(),
                null));

        for (int i = 0; i < 10; i++) {
            chat(model);
        }

        assertThat(upstream.requests(cheap)).isEqualTo(10);
        assertThat(events(10))
                .allSatisfy(event -> assertThat(event.upstreamModel()).isEqualTo(cheap));
    }

    private String route(String strategy, RetryPolicy retry, List<Fallback> fallbacks, String... deployments) {
        List<Deployment> published = new ArrayList<>();
        for (int i = 0; i < deployments.length; i++) {
            published.add(deployment(deployments[i], 1, i, List.of()));
        }
        String model = controlPlane.unique("model-" + deployments[0]);
        controlPlane.route(new ModelRoute(model, strategy, published, retry, fallbacks, null));
        return model;
    }

    private Deployment deployment(String name, int weight, int priority, List<PriceVersion> prices) {
        return controlPlane.deployment(
                "openai", upstream.baseUrl(name), "sk-upstream", name, Map.of(), weight, priority, prices);
    }

    private static List<PriceVersion> price(String input, String output) {
        return List.of(new PriceVersion(
                Instant.parse("2026-01-01T00:00:00Z"), new BigDecimal(input), new BigDecimal(output), null, null));
    }

    private static String unique(String name) {
        return controlPlane.unique(name + java.util.UUID.randomUUID().toString().substring(0, 6));
    }

    private EntityExchangeResult<String> chat(String model) {
        return post("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
    }

    private EntityExchangeResult<String> stream(String model) {
        return post("{\"model\":\"" + model
                + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}");
    }

    private EntityExchangeResult<String> post(String body) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    /** Exactly {@code count} events of this test's key: waits for them, then makes sure no more arrive. */
    private List<UsageRecorded> events(int count) throws InterruptedException {
        List<UsageRecorded> events = usage.awaitEvents(keyId, count, Duration.ofSeconds(5));
        Thread.sleep(200);
        assertThat(usage.eventsOf(keyId)).as("usage events of the key").hasSize(count);
        return events;
    }
}
