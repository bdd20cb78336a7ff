package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Turns one ConverseStream's events into {@code chat.completion.chunk}s, keeping what the stream said so far. Nothing
 * is sent for {@code messageStart}: the first chunk (with the role) comes with the first content, so a stream that
 * fails right after it still gets a proper error status. Text deltas become content; each tool-use block becomes one
 * tool call with its own {@code index}, its id and name on the first fragment, its input fragments as
 * {@code arguments} fragments; reasoning becomes {@code reasoning_content}. {@code messageStop} gives the chunk with
 * {@code finish_reason}, {@code metadata} the usage-only chunk. With structured output the output tool's input
 * fragments are the content and other text is left out. One instance per stream.
 */
final class BedrockStreamTranslator {

    private final String provider;
    private final String id;
    private final long created;
    private final String model;
    private final @Nullable String outputTool;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private final Set<Integer> outputBlocks = new HashSet<>();
    private boolean roleSent;
    private boolean stopped;

    /**
     * @param provider the provider, named in errors
     * @param id the completion id every chunk carries
     * @param created Unix seconds
     * @param model the model id the deployment sends
     * @param outputTool the structured-output tool's name, {@code null} for plain answers
     */
    BedrockStreamTranslator(String provider, String id, long created, String model, @Nullable String outputTool) {
        this.provider = provider;
        this.id = id;
        this.created = created;
        this.model = model;
        this.outputTool = outputTool;
    }

    /** The chunks {@code event} makes; often none. */
    List<ChatCompletionChunk> translate(StreamEvent event) {
        StreamEvent.Payload payload = event.payload();
        return switch (event.type()) {
            case StreamEvent.BLOCK_START -> blockStart(payload);
            case StreamEvent.BLOCK_DELTA -> delta(payload);
            case StreamEvent.MESSAGE_STOP -> stop(payload);
            case StreamEvent.METADATA ->
                payload.usage() == null ? List.of() : List.of(usage(BedrockMapper.toUsage(payload.usage())));
            default -> List.of(); // messageStart, contentBlockStop, and events a newer API may add
        };
    }

    /** Nothing when the stream said {@code messageStop}; otherwise it was cut, which is its error. */
    Mono<ChatCompletionChunk> ending() {
        return stopped ? Mono.empty() : Mono.error(ProviderErrors.streamCut(provider));
    }

    private List<ChatCompletionChunk> blockStart(StreamEvent.Payload payload) {
        if (payload.start() == null || payload.start().toolUse() == null) {
            return List.of();
        }
        var use = payload.start().toolUse();
        int block = blockOf(payload);
        if (outputTool != null && outputTool.equals(use.name())) {
            outputBlocks.add(block);
            return List.of();
        }
        int index = toolIndexByBlock.size();
        toolIndexByBlock.put(block, index);
        ToolCall opened =
                new ToolCall(index, use.toolUseId(), "function", new ToolCall.FunctionCall(use.name(), ""), null);
        return List.of(chunk(toolCallDelta(opened), null));
    }

    private List<ChatCompletionChunk> delta(StreamEvent.Payload payload) {
        StreamEvent.Delta delta = payload.delta();
        if (delta == null) {
            return List.of();
        }
        if (delta.toolUse() != null && delta.toolUse().input() != null) {
            return input(blockOf(payload), delta.toolUse().input());
        }
        if (delta.reasoningContent() != null && delta.reasoningContent().text() != null) {
            return List.of(chunk(reasoningDelta(delta.reasoningContent().text()), null));
        }
        boolean shown = delta.text() != null && !delta.text().isEmpty() && outputTool == null;
        return shown ? List.of(chunk(textDelta(delta.text()), null)) : List.of();
    }

    private List<ChatCompletionChunk> input(int block, String fragment) {
        if (outputBlocks.contains(block)) {
            return List.of(chunk(textDelta(fragment), null));
        }
        Integer index = toolIndexByBlock.get(block);
        if (index == null) {
            return List.of(); // input for a block that never started: nothing to attach it to
        }
        ToolCall more = new ToolCall(index, null, null, new ToolCall.FunctionCall(null, fragment), null);
        return List.of(chunk(toolCallDelta(more), null));
    }

    private List<ChatCompletionChunk> stop(StreamEvent.Payload payload) {
        stopped = true;
        boolean answered = !outputBlocks.isEmpty() && toolIndexByBlock.isEmpty();
        String finish = answered ? "stop" : BedrockMapper.toFinishReason(payload.stopReason());
        return List.of(chunk(new ChatMessage(null, null, null, null, null, null, null), finish));
    }

    private ChatMessage textDelta(String text) {
        return new ChatMessage(null, new MessageContent.Text(text), null, null, null, null, null);
    }

    private ChatMessage toolCallDelta(ToolCall call) {
        return new ChatMessage(null, null, null, List.of(call), null, null, null);
    }

    private ChatMessage reasoningDelta(String text) {
        return new ChatMessage(null, null, null, null, null, null, new HashMap<>(Map.of("reasoning_content", text)));
    }

    // The first chunk of the stream names the role, as OpenAI's does.
    private ChatCompletionChunk chunk(ChatMessage delta, @Nullable String finishReason) {
        ChatMessage withRole = roleSent
                ? delta
                : new ChatMessage("assistant", delta.content(), null, delta.toolCalls(), null, null, delta.extra());
        roleSent = true;
        ChunkChoice choice = new ChunkChoice(0, withRole, finishReason, null, null);
        return new ChatCompletionChunk(
                id, ChatCompletionChunk.OBJECT, created, model, List.of(choice), null, null, null, null);
    }

    private ChatCompletionChunk usage(@Nullable Usage usage) {
        return new ChatCompletionChunk(
                id, ChatCompletionChunk.OBJECT, created, model, List.of(), usage, null, null, null);
    }

    private static int blockOf(StreamEvent.Payload payload) {
        return payload.contentBlockIndex() == null ? 0 : payload.contentBlockIndex();
    }
}
