package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Message content: either a plain string or an array of typed parts (text, image_url, …). */
@JsonDeserialize(using = MessageContent.Reader.class)
public sealed interface MessageContent {

    /** The text of all text parts, joined; image and other parts contribute nothing. */
    String text();

    /**
     * Content sent as a plain JSON string.
     *
     * @param value the text
     */
    record Text(@JsonValue String value) implements MessageContent {
        @Override
        public String text() {
            return value;
        }
    }

    /**
     * Content sent as an array of parts.
     *
     * @param parts the parts in order
     */
    record Parts(@JsonValue List<ContentPart> parts) implements MessageContent {
        @Override
        public String text() {
            return parts.stream()
                    .map(ContentPart::text)
                    .filter(text -> text != null)
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Accepts exactly the two shapes OpenAI accepts and rejects anything else instead of guessing. */
    final class Reader extends ValueDeserializer<MessageContent> {

        @Override
        public MessageContent deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return new Text(parser.getString());
            }
            if (token == JsonToken.START_ARRAY) {
                List<ContentPart> parts = context.readValue(
                        parser, context.getTypeFactory().constructCollectionType(List.class, ContentPart.class));
                if (parts.contains(null)) {
                    return context.reportInputMismatch(MessageContent.class, "content parts must not be null");
                }
                return new Parts(parts);
            }
            return context.reportInputMismatch(
                    MessageContent.class, "message content must be a string or an array of content parts");
        }
    }
}
