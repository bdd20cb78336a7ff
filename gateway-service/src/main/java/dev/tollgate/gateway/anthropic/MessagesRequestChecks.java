package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the ingress checks of a Messages request before mapping it, with Anthropic's field paths in the message: the
 * fields the mapping relies on, and the tools only Anthropic itself could run.
 */
final class MessagesRequestChecks {

    private MessagesRequestChecks() {}

    static void check(MessagesRequest request) {
        if (request.model() == null || request.model().isBlank()) {
            throw invalid("model: Field required", "model");
        }
        if (request.maxTokens() == null || request.maxTokens() < 1) {
            throw invalid("max_tokens: Field required and must be at least 1", "max_tokens");
        }
        List<AnthropicMessage> messages = request.messages();
        if (messages == null || messages.isEmpty()) {
            throw invalid("messages: Field required and must not be empty", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            AnthropicMessage message = messages.get(i);
            if (message == null) {
                throw invalid("messages.%d: Input should be an object".formatted(i), "messages");
            }
            if (!"user".equals(message.role()) && !"assistant".equals(message.role())) {
                throw invalid("messages.%d.role: Input should be 'user' or 'assistant'".formatted(i), "messages");
            }
            checkBlocks(message.content(), "messages.%d.content".formatted(i), "messages");
        }
        checkBlocks(request.system(), "system", "system");
        checkTools(request.tools());
    }

    // JSON allows null among an array's elements; Anthropic answers them as invalid objects, and so do we.
    private static void checkBlocks(@Nullable AnthropicContent content, String path, String param) {
        List<ContentBlock> blocks = content == null ? List.of() : content.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) == null) {
                throw invalid("%s.%d: Input should be an object".formatted(path, i), param);
            }
        }
    }

    private static void checkTools(@Nullable List<AnthropicTool> tools) {
        for (int i = 0; tools != null && i < tools.size(); i++) {
            AnthropicTool tool = tools.get(i);
            if (tool == null) {
                throw invalid("tools.%d: Input should be an object".formatted(i), "tools");
            }
            if (tool.type() != null && !"custom".equals(tool.type())) {
                throw invalid(
                        "tools.%d: the server tool '%s' can only run on Anthropic's own API, not through this gateway"
                                .formatted(i, tool.type()),
                        "tools");
            }
            if (tool.name() == null || tool.name().isBlank()) {
                throw invalid("tools.%d.name: Field required".formatted(i), "tools");
            }
        }
    }

    private static GatewayException invalid(String message, String param) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, param);
    }
}
