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
            String role = messages.get(i).role();
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw invalid("messages.%d.role: Input should be 'user' or 'assistant'".formatted(i), "messages");
            }
        }
        checkTools(request.tools());
    }

    private static void checkTools(@Nullable List<AnthropicTool> tools) {
        for (int i = 0; tools != null && i < tools.size(); i++) {
            AnthropicTool tool = tools.get(i);
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
