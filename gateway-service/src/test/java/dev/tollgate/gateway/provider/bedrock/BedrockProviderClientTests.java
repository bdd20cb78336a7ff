package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** The Bedrock client over real HTTP against a stub that answers with event streams, cut, corrupt or failing. */
class BedrockProviderClientTests {

    static final OpenAiJson json = new OpenAiJson(64);
    static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    final AtomicReference<Answer> answer = new AtomicReference<>();
    final AtomicReference<String> requestLine = new AtomicReference<>();
    final DisposableServer server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> {
                requestLine.set(request.method() + " " + request.uri());
                Answer next = answer.get();
                return request.receive()
                        .then(response.status(next.status())
                                .header("content-type", next.contentType())
                                .sendObject(Flux.fromIterable(next.pieces())
                                        .delayElements(Duration.ofMillis(1))
                                        .map(Unpooled::wrappedBuffer))
                                .then());
            })
            .bindNow();
    final BedrockProviders providers = new BedrockProviders(
            WebClient.builder(),
            // Generous limits: a cold JVM on a busy machine must not make these tests flaky.
            new BedrockProperties(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(30),
                    10,
                    DataSize.ofMegabytes(1)),
            json);
    final ProviderClient client = providers.clientFor(new UpstreamTarget(
            "bedrock",
            URI.create("http://127.0.0.1:" + server.port()),
            "secret",
            "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            Map.of("region", "us-west-2", "access_key_id", "AKIDEXAMPLE")));

    /** What the stub sends: a status, a content type and the body in pieces, each its own network write. */
    record Answer(int status, String contentType, List<byte[]> pieces) {

        static Answer stream(byte[]... pieces) {
            return new Answer(200, EVENT_STREAM, List.of(pieces));
        }
    }

    @AfterEach
    void stop() {
        providers.destroy();
        server.disposeNow();
    }

    static ChatCompletionRequest request(boolean stream) {
        return json.mapper()
                .readValue(
                        "{\"model\":\"m\",\"stream\":%s,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"
                                .formatted(stream),
                        ChatCompletionRequest.class);
    }

    List<ChatCompletionChunk> chunksUntilFailure(Consumer<Throwable> failure) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        client.stream(request(true), new CallContext("req-1"))
                .doOnNext(chunks::add)
                .as(StepVerifier::create)
                .thenConsumeWhile(chunk -> true)
                .expectErrorSatisfies(failure)
                .verify(Duration.ofSeconds(30));
        return chunks;
    }

    static Consumer<Throwable> failsWith(ErrorCode code) {
        return failure -> assertThat(failure)
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        known -> assertThat(known.code()).isEqualTo(code));
    }

    @Test
    void aStreamSplitIntoOddPiecesArrivesWholeAtTheEncodedModelPath() {
        byte[] body = EventStreamFrames.textStream("Hello", " world");
        answer.set(Answer.stream(split(body, 7)));

        client.stream(request(true), new CallContext("req-1"))
                .map(chunk -> chunk.choices().isEmpty()
                                || chunk.choices().getFirst().delta().content() == null
                        ? ""
                        : chunk.choices().getFirst().delta().content().text())
                .collectList()
                .as(StepVerifier::create)
                .assertNext(texts -> assertThat(String.join("", texts)).isEqualTo("Hello world"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(requestLine.get())
                .isEqualTo("POST /model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream");
    }

    @Test
    void aThrottlingExceptionBeforeTheFirstChunkIsARateLimitTheRouterCanRetry() {
        answer.set(Answer.stream(
                EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}"),
                EventStreamFrames.exception(
                        "throttlingException",
                        "{\"message\":\"Too many requests, please wait before trying again.\"}")));

        assertThat(chunksUntilFailure(failsWith(ErrorCode.UPSTREAM_RATE_LIMITED)))
                .isEmpty();
    }

    @Test
    void anExceptionAfterTheFirstChunkEndsTheStreamWithItsError() {
        answer.set(Answer.stream(
                EventStreamFrames.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}"),
                EventStreamFrames.exception(
                        "modelStreamErrorException",
                        "{\"message\":\"Model stream error\",\"originalStatusCode\":500}")));

        assertThat(chunksUntilFailure(failsWith(ErrorCode.UPSTREAM_UNAVAILABLE)))
                .hasSize(1);
    }

    @Test
    void aCorruptFrameMidStreamIsAnInvalidResponse() {
        byte[] corrupt =
                EventStreamFrames.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo\"}}");
        corrupt[corrupt.length - 1] ^= 0x7f;
        answer.set(Answer.stream(
                EventStreamFrames.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}"),
                corrupt));

        assertThat(chunksUntilFailure(failsWith(ErrorCode.UPSTREAM_INVALID_RESPONSE)))
                .hasSize(1);
    }

    @Test
    void aStreamCutInsideAFrameIsAnUnavailableProvider() {
        byte[] body = EventStreamFrames.textStream("Hello");
        answer.set(Answer.stream(Arrays.copyOf(body, body.length - 40)));

        assertThat(chunksUntilFailure(failsWith(ErrorCode.UPSTREAM_UNAVAILABLE)))
                .hasSize(2);
    }

    @Test
    void anHtmlPageInsteadOfAStreamIsAnInvalidResponse() {
        answer.set(new Answer(200, "text/html", List.of("<html>maintenance</html>".getBytes())));

        assertThat(chunksUntilFailure(failsWith(ErrorCode.UPSTREAM_INVALID_RESPONSE)))
                .isEmpty();
    }

    @Test
    void aStreamRequestRefusedWithAnErrorStatusFailsBeforeAnyChunk() {
        answer.set(new Answer(
                403,
                "application/json",
                List.of("{\"message\":\"The security token included in the request is invalid.\"}".getBytes())));

        assertThat(chunksUntilFailure(failsWith(ErrorCode.UPSTREAM_UNAVAILABLE)))
                .isEmpty();
    }

    @Test
    void embeddingsAreRefusedAsTheCallersMistake() {
        client.embed(new EmbeddingRequest("m", "hello", null, null, null, null), new CallContext("req-1"))
                .as(StepVerifier::create)
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(GatewayException.class, refused -> {
                            assertThat(refused.status().value()).isEqualTo(400);
                            assertThat(refused.getMessage()).contains("no embeddings");
                        }))
                .verify(Duration.ofSeconds(5));
    }

    static byte[][] split(byte[] body, int size) {
        List<byte[]> pieces = new ArrayList<>();
        for (int start = 0; start < body.length; start += size) {
            pieces.add(Arrays.copyOfRange(body, start, Math.min(body.length, start + size)));
        }
        return pieces.toArray(byte[][]::new);
    }
}
