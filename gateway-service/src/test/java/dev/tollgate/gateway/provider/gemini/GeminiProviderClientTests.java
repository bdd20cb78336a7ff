package dev.tollgate.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.UpstreamTimeouts;
import dev.tollgate.gateway.testing.Transcript.Recorded;
import dev.tollgate.gateway.testing.TranscriptServer;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter against a Gemini stub over real HTTP: what it sends, and how it fails when Gemini answers with
 * something other than a complete answer (the failures the OpenAI adapter is held to as well).
 */
class GeminiProviderClientTests {

    static final TranscriptServer gemini = new TranscriptServer();
    static final OpenAiJson json = new OpenAiJson(64);
    static final JsonMapper plain = JsonMapper.builder().build();
    static final String KEY = "AIzaSy-test-key";
    static final CallContext CONTEXT = new CallContext("req-1");

    final GeminiProviderClient client = new GeminiProviderClient(
            WebClient.builder().build(),
            json,
            // Generous: a cold JVM on a busy machine takes seconds over its first request, and timing is not under test
            // here.
            new UpstreamTimeouts(
                    Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60)),
            new GeminiTarget(URI.create(gemini.address() + "/v1beta"), KEY, "gemini-2.5-flash"));

    @AfterAll
    static void stop() {
        gemini.close();
    }

    @Test
    void sendsTheKeyInAHeaderNeverInTheUrl() throws Exception {
        gemini.answerWith(json200(answer("Hi.")));

        client.complete(chat(false), CONTEXT).block(Duration.ofSeconds(60));

        TranscriptServer.Received received = gemini.nextRequest();
        assertThat(received.requestLine()).isEqualTo("POST /v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(received.headers()).containsEntry("x-goog-api-key", KEY).doesNotContainKey("authorization");
    }

    @Test
    void aRequestGeminiCannotServeFailsWithABadRequestBeforeAnythingIsSent() {
        gemini.answerWith(json200(answer("never")));
        ChatCompletionRequest request =
                request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                        + "\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat\"}}]}]}");

        StepVerifier.create(client.complete(request, CONTEXT))
                .expectErrorSatisfies(
                        error -> assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .verify(Duration.ofSeconds(60));
        assertThat(gemini.requestCount()).isZero();
    }

    @Test
    void aStreamClosedWithoutAFinishReasonIsCut() {
        gemini.answerWith(sse("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Once upon\"}],\"role\": "
                + "\"model\"},\"index\": 0}],\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"r1\"}"));

        StepVerifier.create(client.stream(chat(true), CONTEXT))
                .assertNext(chunk -> assertThat(
                                chunk.choices().getFirst().delta().content().text())
                        .isEqualTo("Once upon"))
                .expectErrorSatisfies(error ->
                        assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void anErrorObjectMidStreamFailsTheStreamAfterWhatCameBefore() {
        gemini.answerWith(
                sse(
                        "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Once\"}],\"role\": \"model\"},\"index\": 0}]}",
                        "{\"error\": {\"code\": 500, \"message\": \"An internal error has occurred.\", \"status\": \"INTERNAL\"}}"));

        StepVerifier.create(client.stream(chat(true), CONTEXT))
                .expectNextCount(1)
                .expectErrorSatisfies(error ->
                        assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aRateLimitInTheFirstEventIsARateLimitWithItsRetryDelay() {
        gemini.answerWith(sse("{\"error\": {\"code\": 429, \"message\": \"Resource exhausted.\", \"status\": "
                + "\"RESOURCE_EXHAUSTED\", \"details\": [{\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", "
                + "\"retryDelay\": \"7s\"}]}}"));

        StepVerifier.create(client.stream(chat(true), CONTEXT))
                .expectErrorSatisfies(error -> {
                    GatewayException failure = (GatewayException) error;
                    assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
                    assertThat(failure.headers()).containsEntry("Retry-After", "7");
                })
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aBlockedPromptInAStreamIsAContentFilterErrorBeforeTheFirstChunk() {
        gemini.answerWith(sse("{\"promptFeedback\": {\"blockReason\": \"PROHIBITED_CONTENT\"},\"usageMetadata\": "
                + "{\"promptTokenCount\": 9,\"totalTokenCount\": 9},\"modelVersion\": \"gemini-2.5-flash\"}"));

        StepVerifier.create(client.stream(chat(true), CONTEXT))
                .expectErrorSatisfies(error -> {
                    GatewayException failure = (GatewayException) error;
                    assertThat(failure.status().value()).isEqualTo(400);
                    assertThat(failure.relayed().code()).isEqualTo("content_filter");
                })
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void anHtmlPageInsteadOfAStreamIsAnInvalidResponse() {
        gemini.answerWith(new Recorded(
                200, Map.of("content-type", "text/html; charset=UTF-8"), "<html><body>Sorry</body></html>".getBytes()));

        StepVerifier.create(client.stream(chat(true), CONTEXT))
                .expectErrorSatisfies(error ->
                        assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.UPSTREAM_INVALID_RESPONSE))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void garbageInAStreamEventIsAnInvalidResponse() {
        gemini.answerWith(sse("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi"));

        StepVerifier.create(client.stream(chat(true), CONTEXT))
                .expectErrorSatisfies(error ->
                        assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.UPSTREAM_INVALID_RESPONSE))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void anEmptySuccessIsAnInvalidResponse() {
        gemini.answerWith(json200("{\"usageMetadata\": {\"promptTokenCount\": 3}}"));

        StepVerifier.create(client.complete(chat(false), CONTEXT))
                .expectErrorSatisfies(error ->
                        assertThat(((GatewayException) error).code()).isEqualTo(ErrorCode.UPSTREAM_INVALID_RESPONSE))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void anInvalidApiKeyIsTheGatewaysFaultNotTheCallers() {
        gemini.answerWith(new Recorded(
                400,
                Map.of("content-type", "application/json; charset=UTF-8"),
                ("{\"error\": {\"code\": 400, \"message\": \"API key not valid. Please pass a valid API key.\", "
                                + "\"status\": \"INVALID_ARGUMENT\", \"details\": [{\"@type\": "
                                + "\"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"API_KEY_INVALID\", "
                                + "\"domain\": \"googleapis.com\"}]}}")
                        .getBytes()));

        StepVerifier.create(client.complete(chat(false), CONTEXT))
                .expectErrorSatisfies(error -> {
                    GatewayException failure = (GatewayException) error;
                    assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
                    assertThat(failure.getMessage()).doesNotContain(KEY);
                })
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void embedsManyInputsInBatchesOfAHundredKeepingTheirOrder() throws Exception {
        gemini.answerWith(json200("{\"embeddings\": [{\"values\": [0.25, -0.5]}, {\"values\": [1.0, 0.0]}]}"));
        List<String> inputs = IntStream.range(0, 150).mapToObj(i -> "text " + i).toList();

        EmbeddingResponse response = client.embed(new EmbeddingRequest("m", inputs, null, 2, null, null), CONTEXT)
                .block(Duration.ofSeconds(60));

        List<JsonNode> sent = new ArrayList<>();
        sent.add(plain.readTree(gemini.nextRequest().body()));
        sent.add(plain.readTree(gemini.nextRequest().body()));
        assertThat(sent).extracting(body -> body.path("requests").size()).containsExactly(100, 50);
        assertThat(sent.get(1)
                        .path("requests")
                        .path(0)
                        .path("content")
                        .path("parts")
                        .path(0)
                        .path("text")
                        .asString())
                .isEqualTo("text 100");
        assertThat(sent.get(0)
                        .path("requests")
                        .path(0)
                        .path("outputDimensionality")
                        .asInt())
                .isEqualTo(2);
        assertThat(response.data())
                .extracting(EmbeddingResponse.Embedding::index)
                .containsExactly(0, 1, 2, 3);
        assertThat(response.usage())
                .as("Gemini reported none: the gateway counts")
                .isNull();
    }

    private static String answer(String text) {
        return "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"" + text + "\"}], \"role\": \"model\"}, "
                + "\"finishReason\": \"STOP\", \"index\": 0}], \"modelVersion\": \"gemini-2.5-flash\"}";
    }

    private static Recorded json200(String body) {
        return new Recorded(
                200, Map.of("content-type", "application/json; charset=UTF-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Recorded sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\r\n\r\n");
        }
        return new Recorded(
                200,
                Map.of("content-type", "text/event-stream"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ChatCompletionRequest chat(boolean stream) {
        return request(
                "{\"model\":\"m\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    private static ChatCompletionRequest request(String body) {
        return json.mapper().readValue(body, ChatCompletionRequest.class);
    }
}
