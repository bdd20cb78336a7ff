package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One content block. Anthropic has many block types; one flat record with every field optional reads all of them
 * (types the gateway does not map, such as server tool results, are read and then left out) and writes each with only
 * its own fields.
 *
 * @param type {@code text}, {@code image}, {@code document}, {@code tool_use}, {@code tool_result}, {@code thinking},
 *     {@code redacted_thinking}, …
 * @param text the text of a {@code text} block
 * @param source where an {@code image} or {@code document} comes from
 * @param id the id of a {@code tool_use} block
 * @param name the tool a {@code tool_use} block calls
 * @param input the arguments of a {@code tool_use} block, a JSON object
 * @param toolUseId the call a {@code tool_result} block answers
 * @param content the result of a {@code tool_result} block
 * @param isError whether a {@code tool_result} reports a failure
 * @param thinking the reasoning of a {@code thinking} block
 * @param signature the signature of a {@code thinking} block
 * @param data the encrypted reasoning of a {@code redacted_thinking} block
 * @param cacheControl a prompt-cache breakpoint, such as {@code {"type":"ephemeral"}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentBlock(
        @Nullable String type,
        @Nullable String text,
        @Nullable BlockSource source,
        @Nullable String id,
        @Nullable String name,
        @Nullable JsonNode input,
        @JsonProperty("tool_use_id") @Nullable String toolUseId,
        @Nullable AnthropicContent content,
        @JsonProperty("is_error") @Nullable Boolean isError,
        @Nullable String thinking,
        @Nullable String signature,
        @Nullable String data,
        @JsonProperty("cache_control") @Nullable Map<String, Object> cacheControl) {

    public static final String TEXT = "text";
    public static final String IMAGE = "image";
    public static final String DOCUMENT = "document";
    public static final String TOOL_USE = "tool_use";
    public static final String TOOL_RESULT = "tool_result";
    public static final String THINKING = "thinking";

    /** A text block. */
    public static ContentBlock text(String text) {
        return new ContentBlock(TEXT, text, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** An image or document block. */
    public static ContentBlock media(String type, BlockSource source) {
        return new ContentBlock(type, null, source, null, null, null, null, null, null, null, null, null, null);
    }

    /** A tool call. */
    public static ContentBlock toolUse(String id, String name, JsonNode input) {
        return new ContentBlock(TOOL_USE, null, null, id, name, input, null, null, null, null, null, null, null);
    }

    /** The answer to a tool call. */
    public static ContentBlock toolResult(String toolUseId, AnthropicContent content) {
        return new ContentBlock(
                TOOL_RESULT, null, null, null, null, null, toolUseId, content, null, null, null, null, null);
    }

    /** An empty thinking block, as a stream opens one. */
    public static ContentBlock thinking(String thinking, String signature) {
        return new ContentBlock(
                THINKING, null, null, null, null, null, null, null, null, thinking, signature, null, null);
    }

    /** The same block with a prompt-cache breakpoint; unchanged when {@code cacheControl} is {@code null}. */
    public ContentBlock withCacheControl(@Nullable Map<String, Object> control) {
        if (control == null) {
            return this;
        }
        return new ContentBlock(
                type, text, source, id, name, input, toolUseId, content, isError, thinking, signature, data, control);
    }

    /** Whether this block is of {@code kind}. */
    public boolean is(String kind) {
        return kind.equals(type);
    }

    /**
     * Where an image or document comes from.
     *
     * @param type {@code base64}, {@code url} or {@code file}
     * @param mediaType the MIME type of base64 data, such as {@code image/png}
     * @param data base64 data
     * @param url an URL Anthropic fetches itself
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlockSource(
            @Nullable String type,
            @JsonProperty("media_type") @Nullable String mediaType,
            @Nullable String data,
            @Nullable String url) {

        /** Inline base64 data. */
        public static BlockSource base64(String mediaType, String data) {
            return new BlockSource("base64", mediaType, data, null);
        }

        /** A URL Anthropic fetches. */
        public static BlockSource url(String url) {
            return new BlockSource("url", null, null, url);
        }
    }
}
