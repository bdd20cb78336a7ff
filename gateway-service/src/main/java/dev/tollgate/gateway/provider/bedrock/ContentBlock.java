package dev.tollgate.gateway.provider.bedrock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One block of a Converse message, in requests and answers alike; exactly one member is set. Members the gateway does
 * not model (documents, videos, citations, guard content) are ignored in answers and never sent.
 *
 * @param text plain text
 * @param image an inline image
 * @param toolUse a call the assistant makes
 * @param toolResult the answer to a call, in a user turn
 * @param reasoningContent the model's reasoning (answers only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ContentBlock(
        @Nullable String text,
        @Nullable Image image,
        @Nullable ToolUse toolUse,
        @Nullable ToolResult toolResult,
        @Nullable ReasoningContent reasoningContent) {

    static ContentBlock text(String text) {
        return new ContentBlock(text, null, null, null, null);
    }

    static ContentBlock image(Image image) {
        return new ContentBlock(null, image, null, null, null);
    }

    static ContentBlock toolUse(ToolUse toolUse) {
        return new ContentBlock(null, null, toolUse, null, null);
    }

    static ContentBlock toolResult(ToolResult toolResult) {
        return new ContentBlock(null, null, null, toolResult, null);
    }

    /**
     * An image sent inline.
     *
     * @param format {@code png}, {@code jpeg}, {@code gif} or {@code webp}
     * @param source its bytes
     */
    record Image(String format, ImageSource source) {}

    /**
     * The bytes of an image.
     *
     * @param bytes base64 of the image file
     */
    record ImageSource(String bytes) {}

    /**
     * A tool call.
     *
     * @param toolUseId the call's id, which the tool result repeats
     * @param name the tool's name
     * @param input the arguments, a JSON object
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ToolUse(
            @Nullable String toolUseId,
            @Nullable String name,
            @Nullable JsonNode input) {}

    /**
     * The result of a tool call.
     *
     * @param toolUseId the call it answers
     * @param content what the tool returned
     */
    record ToolResult(String toolUseId, List<ToolResultContent> content) {}

    /**
     * One block of a tool result.
     *
     * @param text the tool's output as text
     */
    record ToolResultContent(String text) {}

    /**
     * Reasoning shown by the model.
     *
     * @param reasoningText its text, absent when the provider redacted it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReasoningContent(@Nullable ReasoningText reasoningText) {}

    /**
     * The text of a reasoning block.
     *
     * @param text the reasoning
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReasoningText(@Nullable String text) {}
}
