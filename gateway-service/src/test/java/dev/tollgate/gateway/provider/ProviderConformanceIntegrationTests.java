package dev.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.JsonSubset;
import dev.tollgate.gateway.testing.Transcript;
import dev.tollgate.gateway.testing.TranscriptServer;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
 * input, JSON schema output, error, rate-limited — replayed from recorded wire transcripts of the provider's real API
 * by a stub over real HTTP. For each scenario the adapter must send what the provider expects and the client must get
 * the OpenAI-shaped answer in {@code expected.json}:
 *
 * <ul>
 *   <li>{@code status}: the status the client gets;
 *   <li>{@code body}: for a JSON answer, a subset of it;
 *   <li>{@code stream}: for a stream, the chunks folded together: {@code content} (all content deltas joined),
 *       {@code tool_calls} (fragments merged by index), {@code finish_reason} (the last one) and {@code usage};
 *   <li>{@code error}: a subset of the OpenAI error object; {@code headers}: response headers that must be present.
 * </ul>
 *
 * Transcripts live in {@code src/test/resources/transcripts/<provider>/<scenario>/} (see {@link Transcript}); a new
 * adapter joins the suite by adding its folder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// The first scenario pays for the whole pipeline's first use (tokenizer, serializers, connections): on a busy CI
// machine that alone can exceed the default 5 seconds.
@AutoConfigureWebTestClient(timeout = "30s")
class ProviderConformanceIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final TranscriptServer provider = new TranscriptServer();
    static final ControlPlane controlPlane = new ControlPlane();
    static final String KEY = controlPlane.key("*");

    @Autowired
    WebTestClient client;

    @AfterAll
    static void stop() {
        provider.close();
        controlPlane.close();
    }

    static List<Transcript> transcripts() {
        return Transcript.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void adapterSpeaksTheProvidersProtocolAndAnswersInOpenAisShape(Transcript transcript) throws Exception {
        String model = publish(transcript);
        provider.answerWith(transcript.response());

        EntityExchangeResult<byte[]> result = send(transcript, model);

        checkUpstreamRequest(transcript, provider.nextRequest());
        checkAnswer(transcript, result);
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

    private EntityExchangeResult<byte[]> send(Transcript transcript, String model) {
        ObjectNode body = (ObjectNode) transcript.clientRequest().deepCopy();
        body.put("model", model);
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + KEY)
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
                    .forEach(header -> assertThat(received.headers().get(header.getKey()))
                            .as("upstream header " + header.getKey())
                            .isEqualTo(header.getValue().asString()));
        }
    }

    private static void checkAnswer(Transcript transcript, EntityExchangeResult<byte[]> result) {
        JsonNode expected = transcript.expected();
        String body = new String(result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getStatus().value())
                .as("status; body: " + body)
                .isEqualTo(expected.path("status").asInt());
        expected.path("headers")
                .properties()
                .forEach(header -> assertThat(result.getResponseHeaders().getFirst(header.getKey()))
                        .as("response header " + header.getKey())
                        .isEqualTo(header.getValue().asString()));
        if (expected.has("body")) {
            JsonSubset.assertContains(json.readTree(body), expected.get("body"), "the answer");
        }
        if (expected.has("error")) {
            JsonSubset.assertContains(json.readTree(body).path("error"), expected.get("error"), "the error");
        }
        if (expected.has("stream")) {
            JsonSubset.assertContains(folded(body), expected.get("stream"), "the stream");
        }
    }

    // Folds the stream the way an SDK does, checking on the way that it is well-formed SSE with one final [DONE].
    private static JsonNode folded(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (!event.isBlank()) {
                assertThat(event)
                        .as("each event is one data line")
                        .startsWith("data: ")
                        .doesNotContain("\n");
                data.add(event.substring("data: ".length()));
            }
        }
        assertThat(data).as("events").isNotEmpty().last().isEqualTo("[DONE]");
        assertThat(data.subList(0, data.size() - 1)).as("events before the end").doesNotContain("[DONE]");
        StreamFold fold = new StreamFold();
        data.subList(0, data.size() - 1).forEach(chunk -> fold.add(json.readTree(chunk)));
        return fold.result();
    }

    /** What an SDK makes of a chat completion stream. */
    static final class StreamFold {

        private final StringBuilder content = new StringBuilder();
        private final Map<Integer, ObjectNode> toolCalls = new java.util.TreeMap<>();
        private final ObjectNode result = json.createObjectNode();

        void add(JsonNode chunk) {
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asString()).isNotBlank();
            if (chunk.hasNonNull("usage")) {
                result.set("usage", chunk.get("usage"));
            }
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode delta = choice.path("delta");
                if (delta.hasNonNull("content")) {
                    content.append(delta.get("content").asString());
                }
                delta.path("tool_calls").forEach(this::addToolCall);
                if (choice.hasNonNull("finish_reason")) {
                    result.put("finish_reason", choice.get("finish_reason").asString());
                }
            }
        }

        private void addToolCall(JsonNode fragment) {
            ObjectNode call = toolCalls.computeIfAbsent(fragment.path("index").asInt(), index -> {
                ObjectNode created = json.createObjectNode();
                created.put("index", index);
                created.putObject("function").put("arguments", "");
                return created;
            });
            if (fragment.hasNonNull("id")) {
                call.put("id", fragment.get("id").asString());
            }
            if (fragment.hasNonNull("type")) {
                call.put("type", fragment.get("type").asString());
            }
            JsonNode function = fragment.path("function");
            ObjectNode folded = (ObjectNode) call.get("function");
            if (function.hasNonNull("name")) {
                folded.put("name", function.get("name").asString());
            }
            if (function.hasNonNull("arguments")) {
                folded.put(
                        "arguments",
                        folded.get("arguments").asString()
                                + function.get("arguments").asString());
            }
        }

        JsonNode result() {
            result.put("content", content.toString());
            result.set("tool_calls", json.valueToTree(new ArrayList<>(toolCalls.values())));
            return result;
        }
    }
}
