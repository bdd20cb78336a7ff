package dev.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import dev.tollgate.gateway.testing.ControlPlane;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The official OpenAI Java SDK, unmodified but for base URL and key, against the gateway's mock provider. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tollgate.provider.mock.chunk-interval=1ms")
class OpenAiSdkIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final String KEY = controlPlane.key("*");

    @LocalServerPort
    int port;

    OpenAIClient openai;

    @BeforeEach
    void connect() {
        openai = OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + port + "/v1")
                .apiKey(KEY)
                .maxRetries(0)
                .build();
    }

    @AfterEach
    void disconnect() {
        openai.close();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
    }

    @Test
    void answersAChatCompletionWithRealTokenCounts() {
        ChatCompletion completion = openai.chat().completions().create(chat("Hello, gateway!"));

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content())
                .hasValueSatisfying(text -> assertThat(text).contains("Hello, gateway!"));
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens())
                    .isEqualTo(11); // 3 priming + 3 framing + "user" + "Hello" "," " gateway" "!"
            assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        });
    }

    @Test
    void streamsTheSameReplyChunkByChunkWithUsageWhenAsked() {
        ChatCompletionCreateParams params = chat("Stream this, please.").toBuilder()
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        String whole = openai.chat()
                .completions()
                .create(chat("Stream this, please."))
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream =
                openai.chat().completions().createStreaming(params)) {
            chunks = stream.stream().toList();
        }

        String streamed = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(streamed).isEqualTo(whole);
        assertThat(chunks.size()).isGreaterThan(3);
        assertThat(chunks.getLast().usage())
                .hasValueSatisfying(
                        usage -> assertThat(usage.completionTokens()).isPositive());
    }

    @Test
    void embedsText() {
        CreateEmbeddingResponse response = openai.embeddings()
                .create(EmbeddingCreateParams.builder()
                        .model("mock-embedding")
                        .input("a cat")
                        .build());

        assertThat(response.data()).hasSize(1);
        assertThat(response.data().get(0).embedding()).hasSize(256);
        assertThat(response.usage().promptTokens()).isEqualTo(2);
    }

    @Test
    void listsTheServedModels() {
        List<String> ids = openai.models().list().data().stream().map(Model::id).toList();

        assertThat(ids).contains("mock-chat", "mock-embedding");
    }

    @Test
    void anUnknownModelSurfacesAsTheSdksNotFoundException() {
        assertThatThrownBy(() -> openai.chat()
                        .completions()
                        .create(chat("hi").toBuilder().model("gpt-nonexistent").build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("gpt-nonexistent");
    }

    @Test
    void anInvalidParameterSurfacesAsTheSdksBadRequestException() {
        assertThatThrownBy(() -> openai.chat()
                        .completions()
                        .create(chat("hi").toBuilder().temperature(7.0).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("temperature");
    }

    private static ChatCompletionCreateParams chat(String text) {
        return ChatCompletionCreateParams.builder()
                .model("mock-chat")
                .addUserMessage(text)
                .build();
    }
}
