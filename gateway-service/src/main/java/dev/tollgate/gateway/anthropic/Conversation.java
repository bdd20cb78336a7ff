package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI conversation as Anthropic wants it: {@code system} and {@code developer} messages (wherever they stand)
 * become the top-level system prompt, in order; {@code tool} messages become {@code tool_result} blocks of a user turn;
 * assistant tool calls become {@code tool_use} blocks; and consecutive turns of one role are merged into one, since
 * Anthropic expects user and assistant to alternate.
 */
final class Conversation {

    private Conversation() {}

    /** The system prompt: a string when it is one plain text, else text blocks; {@code null} when there is none. */
    static @Nullable AnthropicContent system(List<ChatMessage> messages) {
        List<ContentBlock> blocks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (isSystem(messages.get(i))) {
                blocks.addAll(ContentParts.blocks(messages.get(i).content(), "messages[%d].content".formatted(i)));
            }
        }
        return blocks.isEmpty() ? null : compact(blocks);
    }

    /** Every other message, as alternating Anthropic turns. */
    static List<AnthropicMessage> turns(List<ChatMessage> messages) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (!isSystem(message)) {
                add(turns, turn(message, i));
            }
        }
        return turns.stream().map(Turn::message).toList();
    }

    private static boolean isSystem(ChatMessage message) {
        return "system".equals(message.role()) || "developer".equals(message.role());
    }

    private static Turn turn(ChatMessage message, int i) {
        String param = "messages[%d]".formatted(i);
        return switch (String.valueOf(message.role())) {
            case "user" -> new Turn("user", ContentParts.blocks(message.content(), param + ".content"));
            case "assistant" -> new Turn("assistant", assistant(message, param));
            case "tool" -> new Turn("user", List.of(toolResult(message, param)));
            default ->
                throw ContentParts.invalid(
                        "Messages with role '%s' cannot be sent to Anthropic; use tool messages."
                                .formatted(message.role()),
                        param + ".role");
        };
    }

    private static List<ContentBlock> assistant(ChatMessage message, String param) {
        List<ContentBlock> blocks = new ArrayList<>();
        for (ContentBlock block : ContentParts.blocks(message.content(), param + ".content")) {
            // An assistant turn that only calls tools often carries "" as content; Anthropic refuses empty text.
            if (!block.is(ContentBlock.TEXT) || !String.valueOf(block.text()).isEmpty()) {
                blocks.add(block);
            }
        }
        List<ToolCall> calls = message.toolCalls() == null ? List.of() : message.toolCalls();
        for (int j = 0; j < calls.size(); j++) {
            blocks.add(toolUse(calls.get(j), "%s.tool_calls[%d]".formatted(param, j)));
        }
        return blocks;
    }

    private static ContentBlock toolUse(ToolCall call, String param) {
        if (call.id() == null || call.function() == null || call.function().name() == null) {
            throw ContentParts.invalid("A tool call needs an id and a function name.", param);
        }
        return ContentBlock.toolUse(
                call.id(),
                call.function().name(),
                AnthropicJson.arguments(call.function().arguments(), param + ".function.arguments"));
    }

    private static ContentBlock toolResult(ChatMessage message, String param) {
        if (message.toolCallId() == null) {
            throw ContentParts.invalid("A tool message needs the tool_call_id it answers.", param + ".tool_call_id");
        }
        MessageContent content = message.content();
        return ContentBlock.toolResult(
                message.toolCallId(), AnthropicContent.of(content == null ? "" : content.text()));
    }

    private static void add(List<Turn> turns, Turn next) {
        Turn last = turns.isEmpty() ? null : turns.getLast();
        if (last != null && last.role().equals(next.role())) {
            turns.set(turns.size() - 1, last.merged(next));
        } else {
            turns.add(next);
        }
    }

    // One plain text without a cache breakpoint is sent as a string, as the SDKs do; anything else as blocks.
    static AnthropicContent compact(List<ContentBlock> blocks) {
        if (blocks.size() == 1
                && blocks.getFirst().is(ContentBlock.TEXT)
                && blocks.getFirst().cacheControl() == null) {
            return AnthropicContent.of(String.valueOf(blocks.getFirst().text()));
        }
        return AnthropicContent.of(blocks);
    }

    private record Turn(String role, List<ContentBlock> blocks) {

        // Anthropic wants a user turn's tool results before anything else in it.
        Turn merged(Turn next) {
            List<ContentBlock> all = new ArrayList<>(blocks);
            all.addAll(next.blocks());
            all.sort(Comparator.comparing(block -> !block.is(ContentBlock.TOOL_RESULT)));
            return new Turn(role, all);
        }

        AnthropicMessage message() {
            return new AnthropicMessage(role, compact(blocks));
        }
    }
}
