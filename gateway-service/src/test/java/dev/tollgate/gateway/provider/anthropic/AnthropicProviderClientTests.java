package dev.tollgate.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.gateway.testing.Transcript.Recorded;
import dev.tollgate.gateway.testing.TranscriptServer;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

/**
 * The adapter against a stub over real HTTP that misbehaves the ways Anthropic's API and the proxies in front of it
 * do: it must fail exactly as the OpenAI adapter fails (an error status before the first chunk, an error after it).
 */
class AnthropicProviderClientTests {

    static final OpenAiJson json = new OpenAiJson(64);
    static final TranscriptServer anthropic = new TranscriptServer();
    static final AnthropicProperties properties = new AnthropicProperties(
            URI.create("https://api.anthropic.com"),
            "2023-06-01",
            4096,
            // Generous: these tests are about answers, not timeouts, and a cold first request can be slow.
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            10,
            DataSize.ofMegabytes(1));
    static final AnthropicProviders providers = new AnthropicProviders(WebClient.builder(), properties, json);
    static final String START = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":1}}}

            event: ping
            data: {"type": "ping"}

            """;
    static final String TEXT = """
            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

            """;
    // Anthropic's documented mid-stream failure during high load.
    static final String OVERLOADED = """
            event: error
            data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}

            """;

    @AfterAll
    static void stop() {
        anthropic.close();
        providers.destroy();
    }

    @Test
    void failsBeforeTheFirstChunkWhenTheStreamReportsAnErrorRightAfterMessageStart() {
        anthropic.answerWith(stream(START + OVERLOADED));

        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_UNAVAILABLE, "Overloaded"))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void failsAfterTheChunksAlreadySentWhenTheStreamReportsAnErrorMidway() {
        anthropic.answerWith(stream(START + TEXT + OVERLOADED));

        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectNextCount(2) // the role, then "Hi"
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_UNAVAILABLE, "Overloaded"))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void treatsAStreamThatEndsWithoutMessageStopAsCut() {
        anthropic.answerWith(stream(START + TEXT + """
                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":2}}

                """));

        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectNextCount(3)
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_UNAVAILABLE, "before it was complete"))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void treatsGarbageInTheStreamAsAnInvalidResponse() {
        anthropic.answerWith(stream(START + "event: content_block_delta\ndata: {\"type\":\"content_blo\n\n"));

        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_INVALID_RESPONSE, "malformed JSON"))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void treatsAnHtmlPageAsAnInvalidResponseForStreamsAndAnswers() {
        anthropic.answerWith(new Recorded(
                200, Map.of("content-type", "text/html"), "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8)));

        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_INVALID_RESPONSE, "text/html"))
                .verify(Duration.ofSeconds(60));
        StepVerifier.create(client(Map.of()).complete(chat(false), context()))
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_INVALID_RESPONSE, "text/html"))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void turnsAnOverloadInto502AndAProxysHtmlErrorInto502Too() {
        anthropic.answerWith(
                json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));

        StepVerifier.create(client(Map.of()).complete(chat(false), context()))
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_UNAVAILABLE, "HTTP 529"))
                .verify(Duration.ofSeconds(60));

        anthropic.answerWith(new Recorded(
                502, Map.of("content-type", "text/html"), "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectErrorSatisfies(failure(ErrorCode.UPSTREAM_UNAVAILABLE, "HTTP 502"))
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void passesTheProvidersStatusMessageAndNormalisedCodeOnForARejectedRequest() {
        anthropic.answerWith(json(
                400,
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                        + "\"prompt is too long: 208310 tokens > 200000 maximum\"}}"));

        StepVerifier.create(client(Map.of()).stream(chat(true), context()))
                .expectErrorSatisfies(error -> {
                    GatewayException rejected = (GatewayException) error;
                    assertThat(rejected.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED);
                    assertThat(rejected.status().value()).isEqualTo(400);
                    assertThat(rejected.relayed().code()).isEqualTo("context_length_exceeded");
                    assertThat(rejected.relayed().type()).isEqualTo("invalid_request_error");
                    assertThat(rejected.getMessage()).isEqualTo("prompt is too long: 208310 tokens > 200000 maximum");
                })
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void refusesToSendWhatAnthropicCannotAnswerWithoutCallingIt() {
        anthropic.answerWith(stream(START));
        ChatCompletionRequest twoChoices = json.mapper()
                .readValue(
                        "{\"model\":\"m\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                        ChatCompletionRequest.class);

        StepVerifier.create(client(Map.of()).complete(twoChoices, context()))
                .expectErrorSatisfies(failure(ErrorCode.INVALID_REQUEST, "one choice"))
                .verify(Duration.ofSeconds(60));
        assertThat(anthropic.requestCount()).isZero();
    }

    @Test
    void refusesEmbeddingsWithAClientError() {
        EmbeddingRequest request = new EmbeddingRequest("claude-embed", "text", null, null, null, null);

        StepVerifier.create(client(Map.of()).embed(request, context()))
                .expectErrorSatisfies(error -> {
                    assertThat(((GatewayException) error).status().value()).isEqualTo(400);
                    assertThat(error).hasMessageContaining("no embeddings API");
                })
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void sendsTheKeyVersionAndBetaHeadersToTheMessagesEndpointWhateverTheBaseUrlsSuffix() throws Exception {
        anthropic.answerWith(json(
                200,
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}],\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}"));
        ProviderClient client = providers.clientFor(new UpstreamTarget(
                "anthropic",
                URI.create(anthropic.address() + "/v1/"),
                "sk-ant-secret",
                "claude-test",
                Map.of(
                        "anthropic_version",
                        "2024-10-22",
                        "anthropic_beta",
                        "prompt-caching-2024-07-31",
                        "default_max_tokens",
                        "321")));

        StepVerifier.create(client.complete(chat(false), context()))
                .assertNext(completion -> assertThat(completion
                                .choices()
                                .getFirst()
                                .message()
                                .content()
                                .text())
                        .isEqualTo("Hi"))
                .verifyComplete();

        TranscriptServer.Received received = anthropic.nextRequest();
        assertThat(received.requestLine()).isEqualTo("POST /v1/messages");
        assertThat(received.headers())
                .containsEntry("x-api-key", "sk-ant-secret")
                .containsEntry("anthropic-version", "2024-10-22")
                .containsEntry("anthropic-beta", "prompt-caching-2024-07-31")
                .containsEntry("x-request-id", "req-1")
                .doesNotContainKey("authorization");
        assertThat(json.upstreamMapper()
                        .readTree(received.body())
                        .get("max_tokens")
                        .asInt())
                .isEqualTo(321);
        assertThat(client.toString()).doesNotContain("sk-ant-secret");
    }

    private static ProviderClient client(Map<String, String> settings) {
        return providers.clientFor(new UpstreamTarget(
                "anthropic", URI.create(anthropic.address()), "sk-ant-test", "claude-test", settings));
    }

    private static ChatCompletionRequest chat(boolean stream) {
        return json.mapper()
                .readValue(
                        "{\"model\":\"m\",\"stream\":" + stream
                                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                        ChatCompletionRequest.class);
    }

    private static CallContext context() {
        return new CallContext("req-1");
    }

    private static Recorded stream(String body) {
        return new Recorded(
                200, Map.of("content-type", "text/event-stream; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Recorded json(int status, String body) {
        return new Recorded(status, Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static Consumer<Throwable> failure(ErrorCode code, String message) {
        return error -> {
            assertThat(error).isInstanceOf(GatewayException.class).hasMessageContaining(message);
            assertThat(((GatewayException) error).code()).isEqualTo(code);
        };
    }
}
