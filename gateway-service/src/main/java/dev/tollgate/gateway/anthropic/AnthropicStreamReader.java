package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one Messages event stream as {@code chat.completion.chunk}s, one event at a time. Create one per stream.
 *
 * <ul>
 *   <li>{@code message_start} only sets the id, model and input usage: the first chunk (with the role) is sent when
 *       the first content block starts, so a stream that fails right after {@code message_start} has produced nothing
 *       and still gets a proper error status.
 *   <li>Text deltas become content deltas; thinking deltas become {@code reasoning_content}, never content.
 *   <li>Each {@code tool_use} block becomes one tool call with its own index (counted over tool calls, not blocks):
 *       id, name and empty arguments on its first fragment, then every {@code input_json_delta} as an arguments
 *       fragment, unchanged. The structured-output tool's input streams as content instead.
 *   <li>{@code message_delta} becomes the finish chunk; {@code message_stop} the usage-only chunk the gateway meters.
 *   <li>{@code ping}, {@code content_block_stop}, signatures and unknown events produce nothing. {@code error} events
 *       are the caller's to turn into a failure before they get here.
 * </ul>
 */
public final class AnthropicStreamReader {

    private static final List<ChatCompletionChunk> NOTHING = List.of();

    private final @Nullable String outputTool;
    private final long created;
    private final Map<Integer, Block> blocks = new HashMap<>();
    private @Nullable String id;
    private @Nullable String model;
    private @Nullable AnthropicUsage startUsage;
    private @Nullable AnthropicUsage lastUsage;
    private boolean roleSent;
    private int toolCalls;
    private boolean structured;

    /**
     * @param outputTool the structured-output tool of the request ({@link AnthropicMapper#structuredOutputTool}), or
     *     {@code null}
     * @param created the Unix seconds every chunk carries as {@code created}
     */
    public AnthropicStreamReader(@Nullable String outputTool, long created) {
        this.outputTool = outputTool;
        this.created = created;
    }

    /** The chunks one event becomes; often none. */
    public List<ChatCompletionChunk> read(StreamEvent event) {
        return switch (String.valueOf(event.type())) {
            case StreamEvent.MESSAGE_START -> started(event.message());
            case StreamEvent.CONTENT_BLOCK_START -> blockStarted(index(event), event.contentBlock());
            case StreamEvent.CONTENT_BLOCK_DELTA -> delta(index(event), event.delta());
            case StreamEvent.MESSAGE_DELTA -> finished(event);
            case StreamEvent.MESSAGE_STOP -> List.of(usageChunk());
            default -> NOTHING; // ping, content_block_stop, and events added after this was written
        };
    }

    private List<ChatCompletionChunk> started(@Nullable MessagesResponse message) {
        if (message != null) {
            id = message.id();
            model = message.model();
            startUsage = message.usage();
        }
        return NOTHING;
    }

    private List<ChatCompletionChunk> blockStarted(int index, @Nullable ContentBlock block) {
        Block started = Block.of(block, outputTool);
        if (started.kind() == Kind.TOOL) {
            started = started.numbered(toolCalls++);
            blocks.put(index, started);
            ToolCall call = new ToolCall(
                    started.toolIndex(), block.id(), "function", new ToolCall.FunctionCall(block.name(), ""), null);
            return List.of(chunk(delta(null, List.of(call), Map.of())));
        }
        structured |= started.kind() == Kind.STRUCTURED;
        blocks.put(index, started);
        String text = started.kind() == Kind.TEXT && block != null ? block.text() : null;
        if (text != null && !text.isEmpty()) {
            return text(text); // Anthropic opens text blocks empty, but nothing says it must
        }
        return roleSent ? NOTHING : List.of(chunk(delta("", null, Map.of())));
    }

    private List<ChatCompletionChunk> delta(int index, @Nullable StreamDelta delta) {
        Block block = blocks.getOrDefault(index, Block.OTHER);
        if (delta == null || delta.type() == null) {
            return NOTHING;
        }
        return switch (delta.type()) {
            case StreamDelta.TEXT_DELTA -> text(delta.text());
            case StreamDelta.THINKING_DELTA -> reasoning(delta.thinking());
            case StreamDelta.INPUT_JSON_DELTA ->
                block.kind() == Kind.STRUCTURED ? text(delta.partialJson()) : arguments(block, delta.partialJson());
            default -> NOTHING; // signature_delta, citations_delta
        };
    }

    private List<ChatCompletionChunk> text(@Nullable String text) {
        return text == null || text.isEmpty() ? NOTHING : List.of(chunk(delta(text, null, Map.of())));
    }

    private List<ChatCompletionChunk> reasoning(@Nullable String thinking) {
        if (thinking == null || thinking.isEmpty()) {
            return NOTHING;
        }
        return List.of(chunk(delta(null, null, Map.of(ChatCompletionMapper.REASONING, thinking))));
    }

    private List<ChatCompletionChunk> arguments(Block block, @Nullable String partialJson) {
        if (block.kind() != Kind.TOOL || partialJson == null || partialJson.isEmpty()) {
            return NOTHING;
        }
        ToolCall fragment =
                new ToolCall(block.toolIndex(), null, null, new ToolCall.FunctionCall(null, partialJson), null);
        return List.of(chunk(delta(null, List.of(fragment), Map.of())));
    }

    private List<ChatCompletionChunk> finished(StreamEvent event) {
        lastUsage = event.usage();
        String stopReason = event.delta() == null ? null : event.delta().stopReason();
        String finishReason = "tool_use".equals(stopReason) && structured && toolCalls == 0
                ? "stop"
                : StopReasons.toFinishReason(stopReason);
        ChatMessage empty = delta(null, null, Map.of()).delta();
        return List.of(chunk(new ChatCompletionChunk.ChunkChoice(0, empty, finishReason, null, null)));
    }

    private ChatCompletionChunk usageChunk() {
        Usage usage = UsageMapper.toUsage(UsageMapper.merged(startUsage, lastUsage));
        return new ChatCompletionChunk(
                id, ChatCompletionChunk.OBJECT, created, model, List.of(), usage, null, null, null);
    }

    // The first chunk of a stream carries the role and, unless it calls a tool, an empty content, as OpenAI's do.
    private ChatCompletionChunk.ChunkChoice delta(
            @Nullable String text, @Nullable List<ToolCall> calls, Map<String, Object> extra) {
        String role = roleSent ? null : "assistant";
        String content = text == null && role != null && calls == null ? "" : text;
        roleSent = true;
        ChatMessage message = new ChatMessage(
                role,
                content == null ? null : new MessageContent.Text(content),
                null,
                calls,
                null,
                null,
                new LinkedHashMap<>(extra));
        return new ChatCompletionChunk.ChunkChoice(0, message, null, null, null);
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.ChunkChoice choice) {
        return new ChatCompletionChunk(
                id, ChatCompletionChunk.OBJECT, created, model, List.of(choice), null, null, null, null);
    }

    private static int index(StreamEvent event) {
        return event.index() == null ? 0 : event.index();
    }

    private enum Kind {
        TEXT,
        TOOL,
        STRUCTURED,
        OTHER
    }

    /** What an open Anthropic block is, and for a tool call, its OpenAI index. */
    private record Block(Kind kind, int toolIndex) {

        static final Block OTHER = new Block(Kind.OTHER, -1);

        static Block of(@Nullable ContentBlock block, @Nullable String outputTool) {
            if (block == null || !block.is(ContentBlock.TOOL_USE)) {
                return block != null && block.is(ContentBlock.TEXT) ? new Block(Kind.TEXT, -1) : OTHER;
            }
            return new Block(outputTool != null && outputTool.equals(block.name()) ? Kind.STRUCTURED : Kind.TOOL, -1);
        }

        Block numbered(int index) {
            return new Block(kind, index);
        }
    }
}
