package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.gateway.provider.gemini.GeminiResponse.Candidate;
import dev.tollgate.gateway.provider.gemini.GeminiResponse.UsageMetadata;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Translates one Gemini stream into {@code chat.completion.chunk}s. Each Gemini event is a fragment of a whole
 * response: text to append, whole function calls, and, on the last, a finish reason; every event repeats the usage so
 * far. Each choice's first chunk carries the role, text arrives as content deltas, and each function call as one
 * complete tool-call delta with its index. Finish chunks come when Gemini closes the stream, since only then is the
 * answer known to be complete (older models put a finish reason on every event), followed by a usage-only chunk with
 * the last usage Gemini reported, as the gateway meters it.
 *
 * <p>One instance serves one stream; events arrive one at a time (Reactive Streams serialises them).
 */
final class GeminiStreamTranslator {

    private final String provider;
    private final String model;
    private final long created;
    private final Map<Integer, ChoiceState> choices = new TreeMap<>();
    private GeminiResponseMapper.@Nullable ToolCallIds ids;
    private @Nullable String id;
    private @Nullable String modelVersion;
    private @Nullable UsageMetadata usage;

    GeminiStreamTranslator(String provider, String model, long created) {
        this.provider = provider;
        this.model = model;
        this.created = created;
    }

    /** What one Gemini event adds to the stream, possibly nothing. */
    List<ChatCompletionChunk> chunks(GeminiResponse event) {
        remember(event);
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        List<Candidate> candidates = event.candidatesOrEmpty();
        for (int position = 0; position < candidates.size(); position++) {
            Candidate candidate = candidates.get(position);
            ChunkChoice delta = delta(candidate, state(GeminiResponseMapper.indexOf(candidate, position)));
            if (delta != null) {
                chunks.add(chunk(List.of(delta), null));
            }
        }
        return chunks;
    }

    /**
     * The end of the stream: a finish chunk per choice and the usage chunk.
     *
     * @throws dev.tollgate.gateway.error.GatewayException when Gemini closed the stream before every choice had a
     *     finish reason: the stream was cut
     */
    List<ChatCompletionChunk> finish() {
        if (choices.isEmpty() || choices.values().stream().anyMatch(choice -> choice.finishReason == null)) {
            throw ProviderErrors.streamCut(provider);
        }
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        choices.forEach((index, choice) -> chunks.add(chunk(List.of(finishOf(index, choice)), null)));
        Usage reported = GeminiResponseMapper.toUsage(usage);
        if (reported != null) {
            chunks.add(chunk(List.of(), reported));
        }
        return chunks;
    }

    private void remember(GeminiResponse event) {
        if (id == null) {
            id = GeminiResponseMapper.completionId(event.responseId());
            ids = new GeminiResponseMapper.ToolCallIds(event.responseId());
        }
        modelVersion = event.modelVersion() != null ? event.modelVersion() : modelVersion;
        usage = event.usageMetadata() != null ? event.usageMetadata() : usage;
    }

    private ChoiceState state(int index) {
        return choices.computeIfAbsent(index, ChoiceState::new);
    }

    // The role on a choice's first chunk (with whatever text came with it), then only chunks that add something.
    private @Nullable ChunkChoice delta(Candidate candidate, ChoiceState choice) {
        if (candidate.finishReason() != null) {
            choice.finishReason = candidate.finishReason();
        }
        String text = GeminiResponseMapper.textOf(candidate.parts());
        List<ToolCall> calls = indexedFrom(choice, candidate);
        boolean first = !choice.started;
        if (!first && text.isEmpty() && calls.isEmpty()) {
            return null;
        }
        choice.started = true;
        MessageContent content = text.isEmpty() && (!first || !calls.isEmpty()) ? null : new MessageContent.Text(text);
        ChatMessage delta = new ChatMessage(
                first ? "assistant" : null, content, null, calls.isEmpty() ? null : calls, null, null, null);
        return new ChunkChoice(choice.index, delta, null, null, null);
    }

    // Tool-call indexes count a choice's calls across the whole stream, not per event.
    private List<ToolCall> indexedFrom(ChoiceState choice, Candidate candidate) {
        List<ToolCall> calls = new ArrayList<>();
        for (ToolCall call : GeminiResponseMapper.toToolCalls(candidate.parts(), toolCallIds(), true)) {
            calls.add(new ToolCall(choice.toolCalls++, call.id(), call.type(), call.function(), call.extra()));
        }
        return calls;
    }

    private GeminiResponseMapper.ToolCallIds toolCallIds() {
        if (ids == null) {
            ids = new GeminiResponseMapper.ToolCallIds(null);
        }
        return ids;
    }

    private static ChunkChoice finishOf(int index, ChoiceState choice) {
        String reason = GeminiResponseMapper.toFinishReason(choice.finishReason, choice.toolCalls > 0);
        return new ChunkChoice(index, new ChatMessage(null, null, null, null, null, null, null), reason, null, null);
    }

    private ChatCompletionChunk chunk(List<ChunkChoice> choices, @Nullable Usage usage) {
        return new ChatCompletionChunk(
                id,
                ChatCompletionChunk.OBJECT,
                created,
                modelVersion != null ? modelVersion : model,
                choices,
                usage,
                null,
                null,
                null);
    }

    /** What the stream has said so far about one choice. */
    private static final class ChoiceState {

        private final int index;
        private boolean started;
        private int toolCalls;
        private @Nullable String finishReason;

        ChoiceState(int index) {
            this.index = index;
        }
    }
}
