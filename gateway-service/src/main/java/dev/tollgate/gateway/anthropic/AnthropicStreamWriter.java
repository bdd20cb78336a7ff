package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a chat completion chunk stream as the Messages events Anthropic sends, for the ingress. Create one per
 * stream; feed it every chunk (the usage-only one included) with {@link #write}, then call {@link #finish} once the
 * chunks end. The sequence is Anthropic's: {@code message_start} (with input usage), then per block a
 * {@code content_block_start}, its deltas and a {@code content_block_stop} ({@code ping} after the first start), then
 * {@code message_delta} (stop reason and final usage) and {@code message_stop}. Text becomes {@code text} blocks; each
 * tool call becomes a {@code tool_use} block whose arguments arrive as {@code input_json_delta}s. A failure after the
 * first event is written as {@link StreamEvent#error} (see {@link AnthropicMapper#toAnthropicError}).
 */
public final class AnthropicStreamWriter {

    private static final int NONE = -1;
    private static final int TEXT = -2;

    private final String messageId;
    private final String model;
    private final int estimatedInput;
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private boolean started;
    private int nextBlock;
    // The open block: -1 for none, else its Anthropic index; openCall is the tool call it carries (TEXT for text).
    private int openIndex = NONE;
    private int openCall = NONE;
    private @Nullable String finishReason;
    private @Nullable Usage usage;

    /**
     * @param messageId the {@code msg_…} id to announce ({@link AnthropicMapper#messageId})
     * @param model the model name to announce
     * @param estimatedInput the prompt tokens as the gateway counted them, announced in {@code message_start} (the
     *     provider's count is only known at the end, where it is reported in {@code message_delta})
     */
    public AnthropicStreamWriter(String messageId, String model, int estimatedInput) {
        this.messageId = messageId;
        this.model = model;
        this.estimatedInput = estimatedInput;
    }

    /** The events one chunk becomes; the first chunk also opens the message. */
    public List<StreamEvent> write(ChatCompletionChunk chunk) {
        List<StreamEvent> events = new ArrayList<>();
        start(events);
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        ChatCompletionChunk.ChunkChoice choice =
                chunk.choices() == null || chunk.choices().isEmpty()
                        ? null
                        : chunk.choices().getFirst();
        if (choice != null && choice.delta() != null) {
            delta(choice.delta(), events);
        }
        if (choice != null && choice.finishReason() != null) {
            finishReason = choice.finishReason();
            close(events);
        }
        return events;
    }

    /** The closing events: the open block's stop, {@code message_delta} with the final usage, {@code message_stop}. */
    public List<StreamEvent> finish() {
        List<StreamEvent> events = new ArrayList<>();
        start(events);
        close(events);
        events.add(StreamEvent.messageDelta(
                StopReasons.toStopReason(finishReason), UsageMapper.toAnthropicUsage(usage, estimatedInput)));
        events.add(StreamEvent.of(StreamEvent.MESSAGE_STOP));
        return events;
    }

    /** One event as Anthropic frames it on the wire: {@code event: <type>}, {@code data: <json>}, a blank line. */
    public static byte[] sse(StreamEvent event, byte[] json) {
        byte[] head = ("event: " + event.type() + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(json, 0, frame, head.length, json.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    private void start(List<StreamEvent> events) {
        if (started) {
            return;
        }
        started = true;
        // Anthropic announces the first output token with the message; so do we.
        MessagesResponse message = new MessagesResponse(
                messageId,
                MessagesResponse.TYPE,
                "assistant",
                model,
                List.of(),
                null,
                null,
                AnthropicUsage.of(estimatedInput, 0, 0, 1));
        events.add(StreamEvent.messageStart(message));
    }

    private void delta(ChatMessage delta, List<StreamEvent> events) {
        String text = delta.content() == null ? "" : delta.content().text();
        if (!text.isEmpty()) {
            int index = blockFor(TEXT, ContentBlock.text(""), events);
            events.add(StreamEvent.blockDelta(index, StreamDelta.text(text)));
        }
        for (ToolCall fragment : delta.toolCalls() == null ? List.<ToolCall>of() : delta.toolCalls()) {
            toolFragment(fragment, events);
        }
    }

    // Providers stream tool calls one after another; a late fragment of an earlier call still goes to that call's
    // block, by index, which is how Anthropic's SDKs accumulate them.
    private void toolFragment(ToolCall fragment, List<StreamEvent> events) {
        int call = fragment.index() == null ? 0 : fragment.index();
        Integer block = toolBlocks.get(call);
        if (block == null) {
            block = blockFor(call, toolUse(fragment), events);
            toolBlocks.put(call, block);
        }
        String arguments =
                fragment.function() == null ? null : fragment.function().arguments();
        if (arguments != null) {
            events.add(StreamEvent.blockDelta(block, StreamDelta.inputJson(arguments)));
        }
    }

    // Anthropic opens a tool_use block with an empty input; the arguments follow as input_json_delta.
    private static ContentBlock toolUse(ToolCall fragment) {
        ContentBlock call = MessagesResponseMapper.toolUse(fragment);
        return ContentBlock.toolUse(
                String.valueOf(call.id()), String.valueOf(call.name()), AnthropicJson.emptyObject());
    }

    /** The block to write {@code call} (or {@code TEXT}) to: the open one if it is that, else a new one. */
    private int blockFor(int call, ContentBlock start, List<StreamEvent> events) {
        if (openIndex != NONE && openCall == call) {
            return openIndex;
        }
        close(events);
        openIndex = nextBlock++;
        openCall = call;
        events.add(StreamEvent.blockStart(openIndex, start));
        if (openIndex == 0) {
            events.add(StreamEvent.of(StreamEvent.PING)); // Anthropic pings once, after the first block starts
        }
        return openIndex;
    }

    private void close(List<StreamEvent> events) {
        if (openIndex != NONE) {
            events.add(StreamEvent.blockStop(openIndex));
            openIndex = NONE;
            openCall = NONE;
        }
    }
}
