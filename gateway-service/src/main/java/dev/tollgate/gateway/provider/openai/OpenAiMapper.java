package dev.tollgate.gateway.provider.openai;

import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.StreamOptions;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pure functions between the gateway's OpenAI-shaped records and what an OpenAI-style upstream is sent and sends back.
 */
final class OpenAiMapper {

    private static final String FUNCTION = "function";

    private OpenAiMapper() {}

    /** {@link #toUpstream(ChatCompletionRequest, String, boolean)} for an upstream that reports stream usage. */
    static ChatCompletionRequest toUpstream(ChatCompletionRequest request, @Nullable String upstreamModel) {
        return toUpstream(request, upstreamModel, true);
    }

    /**
     * The request with the deployment's model name in place of the public one and, when streaming, with
     * {@code stream_options.include_usage} on: the provider's own usage is what the gateway meters, and the gateway
     * strips that chunk again for a caller that did not ask for it. For an upstream that rejects
     * {@code stream_options} ({@code askForUsage} false) none is sent at all, the caller's included. Unchanged when
     * nothing applies.
     */
    static ChatCompletionRequest toUpstream(
            ChatCompletionRequest request, @Nullable String upstreamModel, boolean askForUsage) {
        String model = upstreamModel == null ? request.model() : upstreamModel;
        StreamOptions options = streamOptions(request, askForUsage);
        if (Objects.equals(model, request.model()) && options == request.streamOptions()) {
            return request;
        }
        return new ChatCompletionRequest(
                model,
                request.messages(),
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                request.stream(),
                options,
                request.maxTokens(),
                request.maxCompletionTokens(),
                request.temperature(),
                request.topP(),
                request.n(),
                request.stop(),
                request.seed(),
                request.user(),
                request.metadata(),
                request.extra());
    }

    private static @Nullable StreamOptions streamOptions(ChatCompletionRequest request, boolean askForUsage) {
        if (!request.streaming()) {
            return request.streamOptions();
        }
        return askForUsage ? withUsage(request.streamOptions()) : null;
    }

    private static StreamOptions withUsage(@Nullable StreamOptions options) {
        if (options != null && Boolean.TRUE.equals(options.includeUsage())) {
            return options;
        }
        Map<String, Object> extra = options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options.extra());
        return new StreamOptions(true, extra);
    }

    /** The request with the deployment's model name in place of the public one; unchanged when there is none. */
    static EmbeddingRequest toUpstream(EmbeddingRequest request, @Nullable String upstreamModel) {
        if (upstreamModel == null || upstreamModel.equals(request.model())) {
            return request;
        }
        return new EmbeddingRequest(
                upstreamModel,
                request.input(),
                request.encodingFormat(),
                request.dimensions(),
                request.user(),
                request.extra());
    }

    /**
     * A chunk as OpenAI would have sent it, for the dialects of compatible servers: Groq's usage, sent in
     * {@code x_groq.usage} instead of {@code usage}, is copied to {@code usage} (where the gateway meters it and SDKs
     * read it); tool-call fragments without {@code index} (Mistral sends whole calls, unindexed) get their position,
     * and a fragment that opens a call without {@code type} gets {@code function}. Unchanged when already in shape.
     */
    static ChatCompletionChunk fromUpstream(ChatCompletionChunk chunk) {
        Usage usage = chunk.usage() != null ? chunk.usage() : groqUsage(chunk.extra());
        List<ChunkChoice> choices = chunk.choices() == null ? null : indexedToolCalls(chunk.choices());
        if (usage == chunk.usage() && choices == chunk.choices()) {
            return chunk;
        }
        return new ChatCompletionChunk(
                chunk.id(),
                chunk.object(),
                chunk.created(),
                chunk.model(),
                choices,
                usage,
                chunk.systemFingerprint(),
                chunk.serviceTier(),
                chunk.extra());
    }

    static @Nullable Usage groqUsage(Map<String, Object> extra) {
        if (!(extra.get("x_groq") instanceof Map<?, ?> groq) || !(groq.get("usage") instanceof Map<?, ?> usage)) {
            return null;
        }
        Map<String, Object> rest = new LinkedHashMap<>();
        usage.forEach((name, value) -> rest.put(String.valueOf(name), value));
        Integer prompt = count(rest.remove("prompt_tokens"));
        Integer completion = count(rest.remove("completion_tokens"));
        Integer total = count(rest.remove("total_tokens"));
        return new Usage(prompt, completion, total, null, null, rest);
    }

    private static @Nullable Integer count(@Nullable Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static List<ChunkChoice> indexedToolCalls(List<ChunkChoice> choices) {
        if (choices.stream().noneMatch(OpenAiMapper::needsIndexing)) {
            return choices;
        }
        return choices.stream().map(OpenAiMapper::indexed).toList();
    }

    private static boolean needsIndexing(@Nullable ChunkChoice choice) {
        List<ToolCall> calls =
                choice == null || choice.delta() == null ? null : choice.delta().toolCalls();
        return calls != null && calls.stream().anyMatch(call -> call.index() == null || opensUntyped(call));
    }

    private static boolean opensUntyped(ToolCall call) {
        return call.id() != null && call.type() == null;
    }

    private static ChunkChoice indexed(ChunkChoice choice) {
        if (!needsIndexing(choice)) {
            return choice;
        }
        ChatMessage delta = choice.delta();
        List<ToolCall> calls = new ArrayList<>();
        for (ToolCall call : delta.toolCalls()) {
            calls.add(new ToolCall(
                    call.index() == null ? calls.size() : call.index(),
                    call.id(),
                    opensUntyped(call) ? FUNCTION : call.type(),
                    call.function(),
                    call.extra()));
        }
        ChatMessage fixed = new ChatMessage(
                delta.role(), delta.content(), delta.name(), calls, delta.toolCallId(), delta.refusal(), delta.extra());
        return new ChunkChoice(choice.index(), fixed, choice.finishReason(), choice.logprobs(), choice.extra());
    }
}
