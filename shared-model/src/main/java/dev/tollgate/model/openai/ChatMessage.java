package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation, or, inside a stream chunk, the delta of one.
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content plain text or an array of content parts; absent on assistant messages that only call tools
 * @param name optional participant name
 * @param toolCalls the functions an assistant message calls
 * @param toolCallId on a {@code tool} message, the call it answers
 * @param refusal the model's refusal text, when it refused
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(
        @Nullable String role,
        @Nullable MessageContent content,
        @Nullable String name,
        @JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
        @JsonProperty("tool_call_id") @Nullable String toolCallId,
        @Nullable String refusal,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ChatMessage {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** A message with plain text content. */
    public static ChatMessage of(String role, String text) {
        return new ChatMessage(role, new MessageContent.Text(text), null, null, null, null, null);
    }

    /** A stream delta carrying only text (and the role on the first chunk). */
    public static ChatMessage delta(@Nullable String role, @Nullable String text) {
        MessageContent content = text == null ? null : new MessageContent.Text(text);
        return new ChatMessage(role, content, null, null, null, null, null);
    }
}
