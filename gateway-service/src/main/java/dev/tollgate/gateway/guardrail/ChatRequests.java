package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ContentPart;
import dev.tollgate.model.openai.MessageContent;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Screens the text of a chat request: each message's text content or text parts, and the arguments of the tool calls
 * earlier answers made, with the rules that apply to its role. A request nothing changed is handed back as it came.
 */
final class ChatRequests {

    private ChatRequests() {}

    static ChatCompletionRequest screened(
            ChatCompletionRequest request, Stage stage, Decisions decisions, Placeholders placeholders) {
        List<ChatMessage> messages = request.messages();
        if (messages == null || stage.rules().isEmpty()) {
            return request;
        }
        List<ChatMessage> screened = messages.stream()
                .map(message -> screened(
                        message,
                        text -> TextScreen.screen(text, stage.forRole(message.role()), decisions, placeholders)))
                .toList();
        return screened.equals(messages) ? request : withMessages(request, screened);
    }

    private static ChatMessage screened(ChatMessage message, UnaryOperator<String> screen) {
        return new ChatMessage(
                message.role(),
                content(message.content(), screen),
                message.name(),
                ToolArguments.map(message.toolCalls(), screen),
                message.toolCallId(),
                message.refusal(),
                message.extra());
    }

    private static @Nullable MessageContent content(@Nullable MessageContent content, UnaryOperator<String> screen) {
        return switch (content) {
            case null -> null;
            case MessageContent.Text text -> new MessageContent.Text(screen.apply(text.value()));
            case MessageContent.Parts parts ->
                new MessageContent.Parts(parts.parts().stream()
                        .map(part -> part.text() == null
                                ? part
                                : new ContentPart(
                                        part.type(), screen.apply(part.text()), part.imageUrl(), part.extra()))
                        .toList());
        };
    }

    private static ChatCompletionRequest withMessages(ChatCompletionRequest request, List<ChatMessage> messages) {
        return new ChatCompletionRequest(
                request.model(),
                messages,
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                request.stream(),
                request.streamOptions(),
                request.maxTokens(),
                request.maxCompletionTokens(),
                request.temperature(),
                request.topP(),
                request.n(),
                request.stop(),
                request.seed(),
                request.user(),
                request.metadata(),
                request.extra());
    }
}
