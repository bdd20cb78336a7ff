package dev.tollgate.gateway.provider.bedrock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tollgate.gateway.provider.bedrock.ConverseResponse.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * One event of a ConverseStream: its {@code :event-type} header and its JSON payload.
 *
 * @param type {@code messageStart}, {@code contentBlockStart}, {@code contentBlockDelta}, {@code contentBlockStop},
 *     {@code messageStop} or {@code metadata}
 * @param payload the event's fields
 */
record StreamEvent(String type, Payload payload) {

    static final String MESSAGE_START = "messageStart";
    static final String BLOCK_START = "contentBlockStart";
    static final String BLOCK_DELTA = "contentBlockDelta";
    static final String MESSAGE_STOP = "messageStop";
    static final String METADATA = "metadata";

    /**
     * The fields of every event type in one record; each event sets its own.
     *
     * @param contentBlockIndex the block a block event is about
     * @param start what a {@code contentBlockStart} opens: a tool call, or nothing for text
     * @param delta a {@code contentBlockDelta}'s fragment
     * @param stopReason a {@code messageStop}'s reason
     * @param usage a {@code metadata} event's token counts
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(
            @Nullable Integer contentBlockIndex,
            @Nullable Start start,
            @Nullable Delta delta,
            @Nullable String stopReason,
            @Nullable TokenUsage usage) {}

    /**
     * The start of a block.
     *
     * @param toolUse the call it opens, with its id and name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Start(ContentBlock.@Nullable ToolUse toolUse) {}

    /**
     * A fragment of a block.
     *
     * @param text more text
     * @param toolUse more of a call's input, as a fragment of its JSON
     * @param reasoningContent more reasoning
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delta(
            @Nullable String text,
            @Nullable InputDelta toolUse,
            @Nullable ReasoningDelta reasoningContent) {}

    /**
     * A fragment of a tool call's input.
     *
     * @param input the next piece of the arguments' JSON text
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InputDelta(@Nullable String input) {}

    /**
     * A fragment of reasoning; signatures and redacted reasoning carry no text.
     *
     * @param text the next piece of the reasoning
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReasoningDelta(@Nullable String text) {}
}
