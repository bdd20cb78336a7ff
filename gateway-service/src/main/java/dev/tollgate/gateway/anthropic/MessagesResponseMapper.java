package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Chat completion to Messages response, for the ingress (see {@link AnthropicMapper#toMessagesResponse}): the first
 * choice's text as one text block, its tool calls as {@code tool_use} blocks, the finish reason as the stop reason.
 * Reasoning is not passed on: Anthropic's thinking blocks carry a signature no other provider can produce.
 */
final class MessagesResponseMapper {

    private MessagesResponseMapper() {}

    static MessagesResponse toMessagesResponse(ChatCompletion completion, int estimatedInput) {
        ChatCompletion.Choice choice =
                completion.choices() == null || completion.choices().isEmpty()
                        ? null
                        : completion.choices().getFirst();
        ChatMessage message = choice == null ? null : choice.message();
        return new MessagesResponse(
                messageId(completion.id()),
                MessagesResponse.TYPE,
                "assistant",
                completion.model(),
                blocks(message),
                StopReasons.toStopReason(choice == null ? null : choice.finishReason()),
                null,
                UsageMapper.toAnthropicUsage(completion.usage(), estimatedInput));
    }

    static List<ContentBlock> blocks(@Nullable ChatMessage message) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (message == null) {
            return blocks;
        }
        String text = message.content() == null ? "" : message.content().text();
        if (!text.isEmpty()) {
            blocks.add(ContentBlock.text(text));
        }
        for (ToolCall call : message.toolCalls() == null ? List.<ToolCall>of() : message.toolCalls()) {
            blocks.add(toolUse(call));
        }
        return blocks;
    }

    // A model's malformed arguments cannot become Anthropic's input object; they become {} rather than a failure.
    static ContentBlock toolUse(ToolCall call) {
        String name = call.function() == null ? null : call.function().name();
        String arguments = call.function() == null ? null : call.function().arguments();
        return ContentBlock.toolUse(
                call.id() == null ? "toolu_" + compactUuid() : call.id(),
                String.valueOf(name),
                AnthropicJson.argumentsOrEmpty(arguments));
    }

    /** Anthropic's {@code msg_…} id for a completion id; a fresh one when there is none. */
    static String messageId(@Nullable String completionId) {
        if (completionId == null || completionId.isBlank()) {
            return "msg_" + compactUuid();
        }
        return completionId.startsWith("msg_") ? completionId : "msg_" + completionId;
    }

    private static String compactUuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
