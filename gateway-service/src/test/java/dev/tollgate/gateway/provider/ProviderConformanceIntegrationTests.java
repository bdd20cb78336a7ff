package dev.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.JsonSubset;
import dev.tollgate.gateway.testing.StreamFold;
import dev.tollgate.gateway.testing.Transcript;
import dev.tollgate.gateway.testing.TranscriptServer;
import dev.tollgate.gateway.testing.UsageEvents;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every provider adapter against the same scenarios — plain, streaming, tool call, tool call while streaming, image
 * input, JSON schema output, error, rate-limited, embeddings — replayed from recorded wire transcripts of the
 * provider's real API by a stub over real HTTP. For each scenario the adapter must send what the provider expects
 * (exactly one request) and the client must get the OpenAI-shaped answer in {@code expected.json}:
 *
 * <ul>
 *   <li>{@code status}: the status the client gets;
 *   <li>{@code headers}: response headers and their values;
 *   <li>{@code body}: for a JSON answer, a subset of it; {@code error}: a subset of its OpenAI error object;
 *   <li>{@code stream}: for a stream, a subset of the chunks folded the way an SDK folds them (see
 *       {@link StreamFold}: {@code content}, {@code tool_calls}, {@code finish_reason}, {@code usage},
 *       {@code first_chunk}, and {@code done: true} or the {@code error} the stream ended with);
 *   <li>{@code usage_event}: a subset of the one usage event the request left on the Redis stream, values as the
 *       stream holds them (strings), such as {@code "cached_tokens": "1280"} or {@code "tokens_estimated": "true"};
 *   <li>{@code upstream_requests}: how many requests reach the provider; 1 unless given.
 * </ul>
 *
 * Transcripts live in {@code src/test/resources/transcripts/<provider>/<scenario>/} (see {@link Transcript}); a new
 * adapter joins the suite by adding its folder. {@link #aWrongExpectationFails} proves the checks bite.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ProviderConformanceIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final TranscriptServer provider = new TranscriptServer();
    static final ControlPlane controlPlane = new ControlPlane();
    static final UsageEvents usageEvents = new UsageEvents();
    static final String KEY = controlPlane.key("*");

    @Autowired
    WebTestClient client;

    @AfterAll
    static void stop() {
        provider.close();
        controlPlane.close();
        usageEvents.close();
    }

    static List<Transcript> transcripts() {
        return Transcript.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void adapterSpeaksTheProvidersProtocolAndAnswersInOpenAisShape(Transcript transcript) throws Exception {
        Exchange exchange = replay(transcript);

        checkUpstreamRequest(transcript, exchange.upstream());
        checkAnswer(transcript.expected(), exchange);
    }

    /**
     * The checks are not vacuous: one real exchange per kind of answer, each checked against copies of its own
     * expectation with one value changed, must fail every time.
     */
    @Test
    void aWrongExpectationFails() throws Exception {
        Exchange stream = replay(transcript("openai", "stream"));
        Exchange error = replay(transcript("openai", "error"));
        Exchange plain = replay(transcript("openai", "plain"));

        assertWrong(stream, expected -> expected.put("status", 201));
        assertWrong(stream, expected -> stream(expected).put("content", "Hi, how are you!"));
        assertWrong(stream, expected -> stream(expected).put("finish_reason", "length"));
        assertWrong(stream, expected -> ((ObjectNode) stream(expected).get("usage")).put("completion_tokens", 6));
        assertWrong(stream, expected -> usageEvent(expected).put("prompt_tokens", "11"));
        assertWrong(stream, expected -> usageEvent(expected).put("tokens_estimated", "true"));
        assertWrong(stream, expected -> expected.putObject("headers").put("x-no-such-header", "x"));
        assertWrong(error, expected -> ((ObjectNode) expected.get("error")).put("code", "upstream_rejected"));
        assertWrong(plain, expected -> ((ObjectNode) expected.get("body")).put("model", "gpt-4o"));
        assertWrong(plain, expected -> expected.put("upstream_requests", 2));
    }

    private void assertWrong(Exchange exchange, Consumer<ObjectNode> change) {
        ObjectNode expected = (ObjectNode) exchange.transcript().expected().deepCopy();
        change.accept(expected);
        assertThatThrownBy(() -> checkAnswer(expected, exchange))
                .as("a wrong expectation of %s: %s", exchange.transcript(), expected)
                .isInstanceOf(AssertionError.class);
    }

    private static ObjectNode stream(ObjectNode expected) {
        return (ObjectNode) expected.get("stream");
    }

    private static ObjectNode usageEvent(ObjectNode expected) {
        return expected.has("usage_event")
                ? (ObjectNode) expected.get("usage_event")
                : expected.putObject("usage_event");
    }

    private static Transcript transcript(String providerFolder, String scenario) {
        return Transcript.of(providerFolder).stream()
                .filter(transcript -> transcript.scenario().equals(scenario))
                .findFirst()
                .orElseThrow();
    }

    /**
     * One replayed scenario.
     *
     * @param transcript what was replayed
     * @param result what the client got
     * @param upstream the first request the provider stub received
     * @param upstreamRequests how many requests it received in all
     * @param usageEvents the usage events the request left, as stream fields
     */
    record Exchange(
            Transcript transcript,
            EntityExchangeResult<byte[]> result,
            TranscriptServer.Received upstream,
            int upstreamRequests,
            List<Map<String, String>> usageEvents) {

        String body() {
            return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        }
    }

    private Exchange replay(Transcript transcript) throws InterruptedException {
        String model = publish(transcript);
        provider.answerWith(transcript.response());
        String requestId = "conformance-" + UUID.randomUUID();

        EntityExchangeResult<byte[]> result = send(transcript, model, requestId);

        TranscriptServer.Received upstream = provider.nextRequest();
        List<Map<String, String>> events = usageEvents.of(requestId, Duration.ofSeconds(5));
        return new Exchange(transcript, result, upstream, 1 + provider.requestCount(), events);
    }

    private String publish(Transcript transcript) {
        JsonNode config = transcript.providerConfig();
        String model = controlPlane.unique("conformance-" + transcript.provider() + "-" + transcript.scenario());
        Map<String, String> settings = new LinkedHashMap<>();
        config.path("settings")
                .properties()
                .forEach(entry -> settings.put(entry.getKey(), entry.getValue().asString()));
        var deployment = controlPlane.deployment(
                config.path("type").asString(),
                provider.address() + config.path("base_path").asString(""),
                config.path("api_key").asString(null),
                config.path("upstream_model").asString(),
                settings,
                1,
                0,
                List.of());
        // No retries: every scenario is exactly one upstream exchange.
        controlPlane.route(new ModelRoute(
                model, ModelRoute.PRIORITY, List.of(deployment), new RetryPolicy(0, null, null), List.of(), null));
        return model;
    }

    private EntityExchangeResult<byte[]> send(Transcript transcript, String model, String requestId) {
        ObjectNode body = (ObjectNode) transcript.clientRequest().deepCopy();
        body.put("model", model);
        // The first request of a run warms the gateway up and may take longer than the client's default 5 seconds.
        return client.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .post()
                .uri(transcript.gatewayPath())
                .header("Authorization", "Bearer " + KEY)
                .header("x-request-id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(body))
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static void checkUpstreamRequest(Transcript transcript, TranscriptServer.Received received) {
        if (transcript.upstreamRequestLine() != null) {
            assertThat(received.requestLine())
                    .as("request line sent upstream")
                    .isEqualTo(transcript.upstreamRequestLine());
        }
        if (transcript.upstreamRequest() != null) {
            JsonSubset.assertContains(
                    json.readTree(received.body()), transcript.upstreamRequest(), "the request sent upstream");
        }
        if (transcript.upstreamHeaders() != null) {
            transcript
                    .upstreamHeaders()
                    .properties()
                    .forEach(header -> checkHeader(
                            received, header.getKey(), header.getValue().asString()));
        }
    }

    // A value starting with "~" is a regular expression the whole header must match, for values that differ on every
    // request, such as an AWS SigV4 authorization with its date and signature.
    private static void checkHeader(TranscriptServer.Received received, String name, String expected) {
        if (expected.startsWith("~")) {
            assertThat(received.headers().get(name))
                    .as("upstream header " + name)
                    .matches(expected.substring(1));
        } else {
            assertThat(received.headers().get(name))
                    .as("upstream header " + name)
                    .isEqualTo(expected);
        }
    }

    private static void checkAnswer(JsonNode expected, Exchange exchange) {
        String body = exchange.body();
        assertThat(exchange.result().getStatus().value())
                .as("status; body: " + body)
                .isEqualTo(expected.path("status").asInt());
        assertThat(exchange.upstreamRequests())
                .as("requests that reached the provider")
                .isEqualTo(expected.path("upstream_requests").asInt(1));
        expected.path("headers")
                .properties()
                .forEach(header -> assertThat(
                                exchange.result().getResponseHeaders().getFirst(header.getKey()))
                        .as("response header " + header.getKey())
                        .isEqualTo(header.getValue().asString()));
        checkBody(expected, body);
        checkUsageEvent(expected, exchange.usageEvents());
    }

    private static void checkBody(JsonNode expected, String body) {
        if (expected.has("body")) {
            JsonSubset.assertContains(json.readTree(body), expected.get("body"), "the answer");
        }
        if (expected.has("error")) {
            JsonSubset.assertContains(json.readTree(body).path("error"), expected.get("error"), "the error");
        }
        if (expected.has("stream")) {
            JsonSubset.assertContains(StreamFold.of(body), expected.get("stream"), "the stream");
        }
    }

    // Exactly one event per request, whatever the outcome; its fields as the stream holds them, all strings.
    private static void checkUsageEvent(JsonNode expected, List<Map<String, String>> events) {
        assertThat(events).as("usage events of the request").hasSize(1);
        if (expected.has("usage_event")) {
            ObjectNode wanted = json.createObjectNode();
            expected.get("usage_event")
                    .properties()
                    .forEach(
                            field -> wanted.put(field.getKey(), field.getValue().asString()));
            JsonSubset.assertContains(json.valueToTree(events.getFirst()), wanted, "the usage event");
        }
    }
}
