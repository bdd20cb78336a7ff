package dev.tollgate.gateway.provider.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Gemini's {@code Content}: one turn of a conversation, sent in requests and received in candidates. Gemini's JSON
 * names are camelCase.
 *
 * @param role {@code user} or {@code model}; absent on a system instruction
 * @param parts the turn's parts in order; absent on a candidate the safety filter emptied
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record GeminiContent(
        @JsonProperty("role") @Nullable String role,
        @JsonProperty("parts") @Nullable List<Part> parts) {

    static final String USER = "user";
    static final String MODEL = "model";

    List<Part> partsOrEmpty() {
        return parts == null ? List.of() : parts;
    }

    /**
     * One part of a turn: exactly one of its data fields is set.
     *
     * @param text generated or sent text
     * @param thought whether {@code text} is the model's reasoning rather than its answer
     * @param thoughtSignature an opaque token Gemini 3 wants back with the function call it came with
     * @param inlineData bytes sent inline, such as an image
     * @param fileData a file referenced by URI
     * @param functionCall a function the model calls
     * @param functionResponse the result of a function call, sent back to the model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Part(
            @JsonProperty("text") @Nullable String text,
            @JsonProperty("thought") @Nullable Boolean thought,
            @JsonProperty("thoughtSignature") @Nullable String thoughtSignature,
            @JsonProperty("inlineData") @Nullable Blob inlineData,
            @JsonProperty("fileData") @Nullable FileData fileData,
            @JsonProperty("functionCall") @Nullable FunctionCall functionCall,
            @JsonProperty("functionResponse") @Nullable FunctionResponse functionResponse) {

        static Part text(String text) {
            return new Part(text, null, null, null, null, null, null);
        }

        static Part inline(String mimeType, String base64) {
            return new Part(null, null, null, new Blob(mimeType, base64), null, null, null);
        }

        static Part file(String mimeType, String uri) {
            return new Part(null, null, null, null, new FileData(mimeType, uri), null, null);
        }

        static Part call(FunctionCall call, @Nullable String thoughtSignature) {
            return new Part(null, null, thoughtSignature, null, null, call, null);
        }

        static Part response(FunctionResponse response) {
            return new Part(null, null, null, null, null, null, response);
        }

        /** Text that belongs in the answer: not a thought. */
        boolean isAnswerText() {
            return text != null && !Boolean.TRUE.equals(thought);
        }
    }

    /**
     * Bytes sent inline.
     *
     * @param mimeType such as {@code image/png}
     * @param data the bytes, base64
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Blob(
            @JsonProperty("mimeType") @Nullable String mimeType,
            @JsonProperty("data") @Nullable String data) {}

    /**
     * A file referenced by URI.
     *
     * @param mimeType such as {@code image/jpeg}
     * @param fileUri where Gemini fetches it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileData(
            @JsonProperty("mimeType") @Nullable String mimeType,
            @JsonProperty("fileUri") @Nullable String fileUri) {}

    /**
     * A function call. Gemini gives it no id; the gateway makes one up.
     *
     * @param name the function's name
     * @param args its arguments as a JSON object
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FunctionCall(
            @JsonProperty("name") @Nullable String name,
            @JsonProperty("args") @Nullable JsonNode args) {}

    /**
     * A function's result, matched to its call by name and order.
     *
     * @param name the function's name
     * @param response the result, a JSON object
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FunctionResponse(
            @JsonProperty("name") @Nullable String name,
            @JsonProperty("response") @Nullable JsonNode response) {}
}
