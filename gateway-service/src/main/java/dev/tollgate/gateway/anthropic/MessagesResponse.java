package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Messages answer ({@code type: "message"}), and the message skeleton of a stream's {@code message_start}. Its
 * {@code stop_reason} and {@code stop_sequence} are written even when {@code null}, as Anthropic does.
 *
 * @param id the message id, {@code msg_…}
 * @param type always {@code message}
 * @param role always {@code assistant}
 * @param model the model that answered
 * @param content the generated blocks
 * @param stopReason {@code end_turn}, {@code max_tokens}, {@code stop_sequence}, {@code tool_use}, {@code pause_turn}
 *     or {@code refusal}
 * @param stopSequence the stop sequence that ended generation, if one did
 * @param usage tokens spent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessagesResponse(
        @Nullable String id,
        @Nullable String type,
        @Nullable String role,
        @Nullable String model,
        @Nullable List<ContentBlock> content,

        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("stop_reason") @Nullable
        String stopReason,

        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("stop_sequence") @Nullable
        String stopSequence,

        @Nullable AnthropicUsage usage) {

    public static final String TYPE = "message";
}
