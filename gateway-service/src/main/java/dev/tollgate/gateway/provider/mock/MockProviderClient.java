package dev.tollgate.gateway.provider.mock;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.openai.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The built-in offline provider: answers without any network, so the platform runs and demos work without a provider
 * account. Each instance answers as one model name; the static {@code mock-chat} and {@code mock-embedding} serve one
 * kind of request each, a published mock deployment serves both.
 */
final class MockProviderClient implements ProviderClient {

    /** Which requests an instance serves. */
    enum Serves {
        CHAT,
        EMBEDDINGS,
        BOTH
    }

    private final MockProperties properties;
    private final MockReplies replies;
    private final Serves serves;
    private final String model;

    MockProviderClient(MockProperties properties, MockReplies replies, Serves serves, String model) {
        this.properties = properties;
        this.replies = replies;
        this.serves = serves;
        this.model = model;
    }

    @Override
    public String provider() {
        return "mock";
    }

    @Override
    public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
        return Mono.fromCallable(() -> completion(chatModel(request))).delayElement(properties.latency());
    }

    @Override
    public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
        return Mono.fromCallable(() -> chunks(chatModel(request)))
                .delayElement(properties.latency())
                .flatMapMany(this::paced);
    }

    @Override
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
        return Mono.fromCallable(() -> embeddings(request)).delayElement(properties.latency());
    }

    private ChatCompletionRequest chatModel(ChatCompletionRequest request) {
        if (serves == Serves.EMBEDDINGS) {
            throw GatewayException.invalid(
                    ErrorCode.INVALID_REQUEST, "'%s' is not a chat model.".formatted(request.model()), "model");
        }
        return request;
    }

    private ChatCompletion completion(ChatCompletionRequest request) {
        MockReplies.Reply reply = replies.replyTo(request);
        ChatCompletion.Choice choice = new ChatCompletion.Choice(
                0, ChatMessage.of("assistant", reply.text()), finishReason(reply), null, null);
        return new ChatCompletion(
                completionId(),
                ChatCompletion.OBJECT,
                now(),
                model,
                List.of(choice),
                usage(request, reply),
                null,
                null,
                null);
    }

    // The sequence OpenAI sends with include_usage on, which the gateway always asks upstreams for: a role-only
    // delta, content deltas, a finish delta, then usage (stripped again for callers that did not ask).
    private List<ChatCompletionChunk> chunks(ChatCompletionRequest request) {
        MockReplies.Reply reply = replies.replyTo(request);
        ChunkFactory chunk = new ChunkFactory(completionId(), now(), model);
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        chunks.add(chunk.delta(ChatMessage.delta("assistant", ""), null));
        MockReplies.pieces(reply.text(), properties.streamChunks())
                .forEach(piece -> chunks.add(chunk.delta(ChatMessage.delta(null, piece), null)));
        chunks.add(chunk.delta(ChatMessage.delta(null, null), finishReason(reply)));
        chunks.add(chunk.usage(usage(request, reply)));
        return chunks;
    }

    private Flux<ChatCompletionChunk> paced(List<ChatCompletionChunk> chunks) {
        return Flux.fromIterable(chunks)
                .index()
                .delayUntil(indexed -> indexed.getT1() == 0 ? Mono.empty() : Mono.delay(properties.chunkInterval()))
                .map(indexed -> indexed.getT2());
    }

    private EmbeddingResponse embeddings(EmbeddingRequest request) {
        if (serves == Serves.CHAT) {
            throw GatewayException.invalid(
                    ErrorCode.INVALID_REQUEST, "'%s' is not an embedding model.".formatted(request.model()), "model");
        }
        List<String> inputs = inputs(request.input());
        int dimensions = request.dimensions() != null ? request.dimensions() : properties.embeddingDimensions();
        if (dimensions > properties.embeddingDimensions()) {
            // Like OpenAI's models, 'dimensions' can only shorten the model's native vectors.
            throw GatewayException.invalid(
                    ErrorCode.INVALID_REQUEST,
                    "'dimensions' may be at most %d for this model.".formatted(properties.embeddingDimensions()),
                    "dimensions");
        }
        boolean base64 = "base64".equals(request.encodingFormat());
        List<EmbeddingResponse.Embedding> data = new ArrayList<>();
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            List<Float> vector = MockEmbeddings.vector(inputs.get(i), dimensions);
            data.add(new EmbeddingResponse.Embedding("embedding", i, base64 ? MockEmbeddings.base64(vector) : vector));
            tokens += replies.count(inputs.get(i));
        }
        return new EmbeddingResponse("list", data, model, new EmbeddingResponse.EmbeddingUsage(tokens, tokens), null);
    }

    private static List<String> inputs(Object input) {
        if (input instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(input));
    }

    private Usage usage(ChatCompletionRequest request, MockReplies.Reply reply) {
        return Usage.of(replies.promptTokens(request.messages()), replies.count(reply.text()));
    }

    private static String finishReason(MockReplies.Reply reply) {
        return reply.truncated() ? "length" : "stop";
    }

    private static String completionId() {
        return "chatcmpl-mock-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private record ChunkFactory(String id, long created, String model) {

        ChatCompletionChunk delta(ChatMessage delta, @Nullable String finishReason) {
            return new ChatCompletionChunk(
                    id,
                    ChatCompletionChunk.OBJECT,
                    created,
                    model,
                    List.of(new ChunkChoice(0, delta, finishReason, null, null)),
                    null,
                    null,
                    null,
                    null);
        }

        ChatCompletionChunk usage(Usage usage) {
            return new ChatCompletionChunk(
                    id, ChatCompletionChunk.OBJECT, created, model, List.of(), usage, null, null, null);
        }
    }
}
