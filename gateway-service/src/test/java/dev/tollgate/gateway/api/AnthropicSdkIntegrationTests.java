package dev.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.Transcript;
import dev.tollgate.gateway.testing.TranscriptServer;
import dev.tollgate.gateway.usage.UsageStream;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The official Anthropic Java SDK, unmodified but for base URL and key, against the gateway's Anthropic-compatible
 * {@code /v1/messages}, with OpenAI-style providers behind it: the built-in mock, and a recorded OpenAI tool-call
 * stream replayed over real HTTP. Same keys, limits and usage events as chat completions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tollgate.provider.mock.chunk-interval=1ms")
@AutoConfigureWebTestClient(timeout = "30s")
class AnthropicSdkIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final TranscriptServer openai = new TranscriptServer();
    static final UsageStream usage = new UsageStream(TestInfrastructure.redisUri());

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    String key;
    String keyId;
    AnthropicClient anthropic;

    @BeforeEach
    void connect() {
        key = controlPlane.key("*");
        keyId = controlPlane.principal(key).keyId();
        anthropic = client(key);
    }

    @AfterEach
    void disconnect() {
        anthropic.close();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
        openai.close();
        usage.close();
    }

    @Test
    void answersAMessageFromAnOpenAiStyleProviderWithOneUsageEvent() throws Exception {
        Message message = anthropic.messages().create(hello("mock-chat"));

        assertThat(message.id()).startsWith("msg_");
        assertThat(text(message)).contains("Hello, gateway!");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isPositive();
        assertThat(message.usage().outputTokens()).isPositive();
        List<UsageRecorded> events = usage.awaitEvents(keyId, 1, Duration.ofSeconds(5));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.requestedModel()).isEqualTo("mock-chat");
            assertThat(event.status()).isEqualTo(UsageStatus.SUCCESS);
            assertThat(event.promptTokens()).isEqualTo(message.usage().inputTokens());
        });
    }

    @Test
    void streamsTheAnswerAsAnthropicsEventSequence() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        List<String> types = new ArrayList<>();

        try (StreamResponse<RawMessageStreamEvent> stream = anthropic.messages().createStreaming(hello("mock-chat"))) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                types.add(type(event));
            });
        }

        Message message = accumulator.message();
        assertThat(text(message)).contains("Hello, gateway!");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isPositive();
        assertThat(types.getFirst()).isEqualTo("message_start");
        assertThat(types.subList(types.size() - 2, types.size())).containsExactly("message_delta", "message_stop");
        assertThat(types).contains("content_block_start", "content_block_delta", "content_block_stop");
    }

    @Test
    void turnsAnOpenAiToolCallStreamIntoToolUseBlocks() {
        Transcript recorded = Transcript.of("openai").stream()
                .filter(transcript -> transcript.scenario().equals("tool-call-stream"))
                .findFirst()
                .orElseThrow();
        String model = controlPlane.unique("claude-compatible");
        controlPlane.route(model, "openai", openai.address() + "/v1", "sk-upstream", "gpt-4o-mini", Map.of());
        openai.answerWith(recorded.response());
        MessageAccumulator accumulator = MessageAccumulator.create();

        try (StreamResponse<RawMessageStreamEvent> stream = anthropic
                .messages()
                .createStreaming(MessageCreateParams.builder()
                        .model(model)
                        .maxTokens(256)
                        .addUserMessage("What is the weather in Paris and in Tokyo?")
                        .addTool(weatherTool())
                        .build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        Message message = accumulator.message();
        List<ToolUseBlock> calls = message.content().stream()
                .flatMap(block -> block.toolUse().stream())
                .toList();
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.id()).isNotBlank();
            assertThat(call.name()).isNotBlank();
            assertThat(call._input().asObject()).isPresent();
        });
    }

    @Test
    void countsTheInputTokensOfAMessage() {
        long tokens = anthropic
                .messages()
                .countTokens(MessageCountTokensParams.builder()
                        .model("mock-chat")
                        .addUserMessage("Hello, gateway!")
                        .build())
                .inputTokens();

        Message message = anthropic.messages().create(hello("mock-chat"));
        assertThat(tokens).isEqualTo(message.usage().inputTokens());
    }

    @Test
    void refusesAnUnknownKeyAndModelWithTheSdksOwnExceptions() {
        AnthropicClient stranger = client("sk-tg-not-a-key");
        try {
            assertThatThrownBy(() -> stranger.messages().create(hello("mock-chat")))
                    .isInstanceOf(UnauthorizedException.class);
        } finally {
            stranger.close();
        }
        assertThatThrownBy(() -> anthropic.messages().create(hello("no-such-model")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void enforcesTheKeysRateLimitLikeOnChatCompletions() {
        String limited = controlPlane.limitedKey(1, null, null, "*");

        AnthropicClient client = client(limited);
        try {
            client.messages().create(hello("mock-chat"));
            assertThatThrownBy(() -> client.messages().create(hello("mock-chat")))
                    .isInstanceOf(RateLimitException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void answersAMalformedRequestWithAnthropicsErrorEnvelope() {
        web.post()
                .uri("/v1/messages")
                .header("x-api-key", key)
                .header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("error")
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.message")
                .value(message -> assertThat(String.valueOf(message)).contains("max_tokens"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"model\":\"mock-chat\",\"max_tokens\":16,\"messages\":[null]}",
                "{\"model\":\"mock-chat\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":[null]}]}",
                "{\"model\":\"mock-chat\",\"max_tokens\":16,\"system\":[null],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"model\":\"mock-chat\",\"max_tokens\":16,\"tools\":[null],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
            })
    void answersANullAmongAnArraysElementsWithA400InAnthropicsEnvelope(String body) {
        for (String path : List.of("/v1/messages", "/v1/messages/count_tokens")) {
            web.post()
                    .uri(path)
                    .header("x-api-key", key)
                    .header("anthropic-version", "2023-06-01")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("error")
                    .jsonPath("$.error.type")
                    .isEqualTo("invalid_request_error");
        }
    }

    private AnthropicClient client(String apiKey) {
        return AnthropicOkHttpClient.builder()
                .baseUrl("http://localhost:" + port)
                .apiKey(apiKey)
                .maxRetries(0)
                .build();
    }

    private static MessageCreateParams hello(String model) {
        return MessageCreateParams.builder()
                .model(model)
                .maxTokens(256)
                .addUserMessage("Hello, gateway!")
                .build();
    }

    private static Tool weatherTool() {
        return Tool.builder()
                .name("get_weather")
                .description("The current weather in a city.")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .build())
                .build();
    }

    private static String text(Message message) {
        return message.content().stream()
                .flatMap(block -> block.text().stream())
                .map(com.anthropic.models.messages.TextBlock::text)
                .reduce("", String::concat);
    }

    private static String type(RawMessageStreamEvent event) {
        if (event.isMessageStart()) {
            return "message_start";
        }
        if (event.isMessageDelta()) {
            return "message_delta";
        }
        if (event.isMessageStop()) {
            return "message_stop";
        }
        if (event.isContentBlockStart()) {
            return "content_block_start";
        }
        return event.isContentBlockDelta() ? "content_block_delta" : "content_block_stop";
    }
}
