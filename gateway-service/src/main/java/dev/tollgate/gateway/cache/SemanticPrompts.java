package dev.tollgate.gateway.cache;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ContentPart;
import dev.tollgate.model.openai.MessageContent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a conversation for the semantic cache: its last user turn, which is embedded and compared, and everything
 * before it, which must be exactly equal (it goes into the lookup scope's hash). Only a conversation that ends with a
 * user message of text alone qualifies: an image, an audio part or a tool result cannot be compared by its words.
 */
final class SemanticPrompts {

    private SemanticPrompts() {}

    /**
     * A conversation split in two.
     *
     * @param earlier every message before the last user turn, and that turn's own fields other than its text
     * @param lastTurn the text of the last user turn
     */
    record Split(List<ChatMessage> earlier, String lastTurn) {}

    static @Nullable Split of(ChatCompletionRequest request) {
        List<ChatMessage> messages = request.messages();
        if (messages == null || messages.isEmpty()) {
            return null;
        }
        ChatMessage last = messages.getLast();
        if (!"user".equals(last.role()) || last.content() == null || !textOnly(last.content())) {
            return null;
        }
        List<ChatMessage> earlier = new ArrayList<>(messages.subList(0, messages.size() - 1));
        earlier.add(withoutContent(last));
        return new Split(earlier, last.content().text());
    }

    private static boolean textOnly(MessageContent content) {
        return !(content instanceof MessageContent.Parts parts)
                || parts.parts().stream().map(ContentPart::type).allMatch("text"::equals);
    }

    // The turn's name and unmodelled fields still have to match; only its words are compared by meaning.
    private static ChatMessage withoutContent(ChatMessage message) {
        return new ChatMessage(
                message.role(),
                null,
                message.name(),
                message.toolCalls(),
                message.toolCallId(),
                message.refusal(),
                message.extra());
    }
}
