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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The built-in offline provider. Serves {@code mock-chat} and {@code mock-embedding} without any network, so the
 * platform runs and demos work without a provider account.
 */
@Component
@ConditionalOnProperty(prefix = "tollgate.provider.mock", name = "enabled", matchIfMissing = true)
class MockProviderClient implements ProviderClient {

    static final String CHAT_MODEL = "mock-chat";
    static final String EMBEDDING_MODEL = "mock-embedding";

    private final MockProperties properties;
    private final MockReplies replies = new MockReplies();

    MockProviderClient(MockProperties properties) {
        this.properties = properties;
    }

    @Override
    public String provider() {
        return "mock";
    }

    @Override
    public List<String> models() {
        return List.of(CHAT_MODEL, EMBEDDING_MODEL);
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
        if (!CHAT_MODEL.equals(request.model())) {
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
                CHAT_MODEL,
                List.of(choice),
                usage(request, reply),
                null,
                null,
                null);
    }

    // The same sequence OpenAI sends: a role-only delta, content deltas, a finish delta, then usage if asked for.
    private List<ChatCompletionChunk> chunks(ChatCompletionRequest request) {
        MockReplies.Reply reply = replies.replyTo(request);
        ChunkFactory chunk = new ChunkFactory(completionId(), now());
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        chunks.add(chunk.delta(ChatMessage.delta("assistant", ""), null));
        MockReplies.pieces(reply.text(), properties.streamChunks())
                .forEach(piece -> chunks.add(chunk.delta(ChatMessage.delta(null, piece), null)));
        chunks.add(chunk.delta(ChatMessage.delta(null, null), finishReason(reply)));
        if (request.wantsStreamUsage()) {
            chunks.add(chunk.usage(usage(request, reply)));
        }
        return chunks;
    }

    private Flux<ChatCompletionChunk> paced(List<ChatCompletionChunk> chunks) {
        return Flux.fromIterable(chunks)
                .index()
                .delayUntil(indexed -> indexed.getT1() == 0 ? Mono.empty() : Mono.delay(properties.chunkInterval()))
                .map(indexed -> indexed.getT2());
    }

    private EmbeddingResponse embeddings(EmbeddingRequest request) {
        if (!EMBEDDING_MODEL.equals(request.model())) {
            throw GatewayException.invalid(
                    ErrorCode.INVALID_REQUEST, "'%s' is not an embedding model.".formatted(request.model()), "model");
        }
        List<String> inputs = inputs(request.input());
        int dimensions = request.dimensions() != null ? request.dimensions() : properties.embeddingDimensions();
        boolean base64 = "base64".equals(request.encodingFormat());
        List<EmbeddingResponse.Embedding> data = new ArrayList<>();
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            List<Float> vector = MockEmbeddings.vector(inputs.get(i), dimensions);
            data.add(new EmbeddingResponse.Embedding("embedding", i, base64 ? MockEmbeddings.base64(vector) : vector));
            tokens += replies.count(inputs.get(i));
        }
        return new EmbeddingResponse(
                "list", data, EMBEDDING_MODEL, new EmbeddingResponse.EmbeddingUsage(tokens, tokens), null);
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

    private record ChunkFactory(String id, long created) {

        ChatCompletionChunk delta(ChatMessage delta, @Nullable String finishReason) {
            return new ChatCompletionChunk(
                    id,
                    ChatCompletionChunk.OBJECT,
                    created,
                    CHAT_MODEL,
                    List.of(new ChunkChoice(0, delta, finishReason, null, null)),
                    null,
                    null,
                    null,
                    null);
        }

        ChatCompletionChunk usage(Usage usage) {
            return new ChatCompletionChunk(
                    id, ChatCompletionChunk.OBJECT, created, CHAT_MODEL, List.of(), usage, null, null, null);
        }
    }
}
