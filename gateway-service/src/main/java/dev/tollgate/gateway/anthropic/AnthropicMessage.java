package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One turn of a Messages conversation.
 *
 * @param role {@code user} or {@code assistant}
 * @param content a string or content blocks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicMessage(
        @Nullable String role, @Nullable AnthropicContent content) {

    /** The turn's content as blocks; a string becomes one text block. */
    public List<ContentBlock> blocks() {
        return content == null ? List.of() : content.blocks();
    }
}
