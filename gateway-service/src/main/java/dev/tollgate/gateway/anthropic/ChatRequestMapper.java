package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.StreamOptions;
import dev.tollgate.model.openai.Tool;
import dev.tollgate.model.openai.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Messages request to chat completion request, for the ingress (see {@link AnthropicMapper#toChatRequest}). What
 * OpenAI has no field for is left out: {@code top_k}, {@code thinking} (reasoning is not requested; thinking blocks in
 * the history are dropped, as Anthropic itself drops them from earlier turns) and cache breakpoints on anything but
 * text.
 */
final class ChatRequestMapper {

    private ChatRequestMapper() {}

    static ChatCompletionRequest toChatRequest(MessagesRequest request) {
        MessagesRequestChecks.check(request);
        Map<String, Object> extra = new LinkedHashMap<>();
        AnthropicToolChoice choice = request.toolChoice();
        if (choice != null && Boolean.TRUE.equals(choice.disableParallelToolUse())) {
            extra.put("parallel_tool_calls", false);
        }
        return new ChatCompletionRequest(
                request.model(),
                messages(request),
                tools(request.tools()),
                toolChoice(choice),
                null,
                request.streaming() ? Boolean.TRUE : null,
                request.streaming() ? new StreamOptions(true, null) : null,
                null,
                request.maxTokens(),
                request.temperature(),
                request.topP(),
                null,
                request.stopSequences() == null || request.stopSequences().isEmpty() ? null : request.stopSequences(),
                null,
                request.metadata() == null ? null : request.metadata().userId(),
                null,
                extra);
    }

    private static List<ChatMessage> messages(MessagesRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.system() != null) {
            messages.add(new ChatMessage(
                    "system", ChatParts.content(request.system().blocks()), null, null, null, null, null));
        }
        for (AnthropicMessage message : request.messages()) {
            messages.addAll("assistant".equals(message.role()) ? List.of(assistant(message)) : ChatParts.user(message));
        }
        return messages;
    }

    private static ChatMessage assistant(AnthropicMessage message) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (ContentBlock block : message.blocks()) {
            if (block.is(ContentBlock.TEXT)) {
                text.append(String.valueOf(block.text()));
            } else if (block.is(ContentBlock.TOOL_USE)) {
                calls.add(ChatCompletionMapper.toolCall(null, block));
            }
        }
        return new ChatMessage(
                "assistant",
                text.isEmpty() && !calls.isEmpty() ? null : new MessageContent.Text(text.toString()),
                null,
                calls.isEmpty() ? null : calls,
                null,
                null,
                null);
    }

    private static @Nullable List<Tool> tools(@Nullable List<AnthropicTool> tools) {
        if (tools == null || tools.isEmpty()) {
            return null;
        }
        List<Tool> mapped = new ArrayList<>();
        for (AnthropicTool tool : tools) {
            Map<String, Object> schema = tool.inputSchema() == null ? AnthropicJson.emptySchema() : tool.inputSchema();
            mapped.add(new Tool(
                    "function", new Tool.FunctionDefinition(tool.name(), tool.description(), schema, null), null));
        }
        return mapped;
    }

    private static @Nullable Object toolChoice(@Nullable AnthropicToolChoice choice) {
        if (choice == null || choice.type() == null) {
            return null;
        }
        return switch (choice.type()) {
            case AnthropicToolChoice.ANY -> "required";
            case AnthropicToolChoice.NONE -> "none";
            case AnthropicToolChoice.TOOL ->
                Map.of("type", "function", "function", Map.of("name", String.valueOf(choice.name())));
            default -> "auto";
        };
    }
}
