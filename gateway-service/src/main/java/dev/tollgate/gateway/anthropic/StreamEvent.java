package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One server-sent event of a Messages stream, whose SSE {@code event:} name is its {@code type}: {@code message_start},
 * {@code content_block_start}, {@code content_block_delta}, {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}, {@code ping} or {@code error}. One flat record reads and writes all of them.
 *
 * @param type the event type
 * @param message the message skeleton, on {@code message_start}
 * @param index the content block's position, on block events
 * @param contentBlock the block being opened, on {@code content_block_start}
 * @param delta what changed, on {@code content_block_delta} and {@code message_delta}
 * @param usage cumulative usage, on {@code message_delta}
 * @param error the failure, on {@code error}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamEvent(
        @Nullable String type,
        @Nullable MessagesResponse message,
        @Nullable Integer index,
        @JsonProperty("content_block") @Nullable ContentBlock contentBlock,
        @Nullable StreamDelta delta,
        @Nullable AnthropicUsage usage,
        AnthropicError.@Nullable Body error) {

    public static final String MESSAGE_START = "message_start";
    public static final String CONTENT_BLOCK_START = "content_block_start";
    public static final String CONTENT_BLOCK_DELTA = "content_block_delta";
    public static final String CONTENT_BLOCK_STOP = "content_block_stop";
    public static final String MESSAGE_DELTA = "message_delta";
    public static final String MESSAGE_STOP = "message_stop";
    public static final String PING = "ping";
    public static final String ERROR = "error";

    static StreamEvent messageStart(MessagesResponse message) {
        return new StreamEvent(MESSAGE_START, message, null, null, null, null, null);
    }

    static StreamEvent blockStart(int index, ContentBlock block) {
        return new StreamEvent(CONTENT_BLOCK_START, null, index, block, null, null, null);
    }

    static StreamEvent blockDelta(int index, StreamDelta delta) {
        return new StreamEvent(CONTENT_BLOCK_DELTA, null, index, null, delta, null, null);
    }

    static StreamEvent blockStop(int index) {
        return new StreamEvent(CONTENT_BLOCK_STOP, null, index, null, null, null, null);
    }

    static StreamEvent messageDelta(String stopReason, AnthropicUsage usage) {
        return new StreamEvent(MESSAGE_DELTA, null, null, null, StreamDelta.stop(stopReason), usage, null);
    }

    static StreamEvent of(String type) {
        return new StreamEvent(type, null, null, null, null, null, null);
    }

    /** An {@code error} event, as Anthropic ends a stream that failed after it began. */
    public static StreamEvent error(AnthropicError.Body error) {
        return new StreamEvent(ERROR, null, null, null, null, null, error);
    }

    /** Whether this event is of {@code kind}. */
    public boolean is(String kind) {
        return kind.equals(type);
    }
}
