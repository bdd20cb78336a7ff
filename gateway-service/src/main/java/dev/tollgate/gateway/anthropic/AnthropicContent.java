package dev.tollgate.gateway.anthropic;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Content that Anthropic accepts either as a plain string or as an array of blocks: a message's content, the system
 * prompt, a tool result.
 */
@JsonDeserialize(using = AnthropicContent.Reader.class)
public sealed interface AnthropicContent {

    /** The content as blocks; a string becomes one text block. */
    List<ContentBlock> blocks();

    /** Plain string content. */
    static AnthropicContent of(String text) {
        return new Text(text);
    }

    /** Block content. */
    static AnthropicContent of(List<ContentBlock> blocks) {
        return new Blocks(blocks);
    }

    /**
     * Content sent as a plain JSON string.
     *
     * @param value the text
     */
    record Text(@JsonValue String value) implements AnthropicContent {
        @Override
        public List<ContentBlock> blocks() {
            return List.of(ContentBlock.text(value));
        }
    }

    /**
     * Content sent as an array of blocks.
     *
     * @param blocks the blocks in order
     */
    record Blocks(@JsonValue List<ContentBlock> blocks) implements AnthropicContent {}

    /** Accepts exactly the two shapes Anthropic accepts. */
    final class Reader extends ValueDeserializer<AnthropicContent> {

        @Override
        public AnthropicContent deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return new Text(parser.getString());
            }
            if (token == JsonToken.START_ARRAY) {
                List<ContentBlock> blocks = context.readValue(
                        parser, context.getTypeFactory().constructCollectionType(List.class, ContentBlock.class));
                if (blocks.contains(null)) {
                    return context.reportInputMismatch(AnthropicContent.class, "content blocks must not be null");
                }
                return new Blocks(blocks);
            }
            return context.reportInputMismatch(
                    AnthropicContent.class, "content must be a string or an array of content blocks");
        }
    }
}
