package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.bedrock.ContentBlock.Image;
import dev.tollgate.gateway.provider.bedrock.ContentBlock.ImageSource;
import dev.tollgate.gateway.provider.bedrock.ContentBlock.ToolResult;
import dev.tollgate.gateway.provider.bedrock.ContentBlock.ToolResultContent;
import dev.tollgate.gateway.provider.bedrock.ContentBlock.ToolUse;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.Message;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.SystemBlock;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ContentPart;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conversation in Converse's terms: system and developer messages become {@code system} blocks; user, assistant
 * and tool messages become alternating turns of content blocks (tool results in user turns, before their text).
 */
final class BedrockMessages {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String USER = "user";
    private static final String ASSISTANT = "assistant";
    private static final String PARAM = "messages";
    private static final Map<String, String> IMAGE_FORMATS = Map.of(
            "image/png", "png", "image/jpeg", "jpeg", "image/jpg", "jpeg", "image/gif", "gif", "image/webp", "webp");

    private BedrockMessages() {}

    /** The system and developer messages' text, one block each; {@code null} when there is none. */
    static @Nullable List<SystemBlock> system(List<ChatMessage> messages) {
        List<SystemBlock> system = messages.stream()
                .filter(BedrockMessages::isSystem)
                .map(message ->
                        message.content() == null ? "" : message.content().text())
                .filter(text -> !text.isBlank())
                .map(SystemBlock::new)
                .toList();
        return system.isEmpty() ? null : system;
    }

    /** Every other message as Converse turns; consecutive turns of one role are merged, as Converse requires. */
    static List<Message> turns(List<ChatMessage> messages) {
        List<Message> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (isSystem(message)) {
                continue;
            }
            String role = roleOf(message);
            List<ContentBlock> blocks = blocks(message);
            if (blocks.isEmpty()) {
                continue;
            }
            if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
                blocks = merged(turns.removeLast().content(), blocks);
            }
            turns.add(new Message(role, blocks));
        }
        return turns;
    }

    private static boolean isSystem(ChatMessage message) {
        return "system".equals(message.role()) || "developer".equals(message.role());
    }

    private static String roleOf(ChatMessage message) {
        return switch (String.valueOf(message.role())) {
            case USER, "tool" -> USER;
            case ASSISTANT -> ASSISTANT;
            default -> throw invalid("Bedrock does not support messages with role '%s'.".formatted(message.role()));
        };
    }

    // Claude on Bedrock expects a user turn's tool results before anything else in it; the sort is stable.
    private static List<ContentBlock> merged(List<ContentBlock> earlier, List<ContentBlock> later) {
        List<ContentBlock> all = new ArrayList<>(earlier);
        all.addAll(later);
        all.sort(Comparator.comparing(block -> block.toolResult() == null));
        return all;
    }

    private static List<ContentBlock> blocks(ChatMessage message) {
        return switch (String.valueOf(message.role())) {
            case "tool" -> List.of(toolResult(message));
            case ASSISTANT -> assistantBlocks(message);
            default -> contentBlocks(message.content());
        };
    }

    private static ContentBlock toolResult(ChatMessage message) {
        if (message.toolCallId() == null || message.toolCallId().isBlank()) {
            throw invalid("A tool message needs the tool_call_id of the call it answers.");
        }
        String text = message.content() == null ? "" : message.content().text();
        return ContentBlock.toolResult(new ToolResult(message.toolCallId(), List.of(new ToolResultContent(text))));
    }

    private static List<ContentBlock> assistantBlocks(ChatMessage message) {
        List<ContentBlock> blocks = new ArrayList<>(contentBlocks(message.content()));
        if (message.toolCalls() != null) {
            message.toolCalls().stream().map(BedrockMessages::toolUse).forEach(blocks::add);
        }
        return blocks;
    }

    private static ContentBlock toolUse(ToolCall call) {
        if (call.function() == null || call.function().name() == null || call.id() == null) {
            throw invalid("An assistant tool call needs an id and a function name.");
        }
        return ContentBlock.toolUse(new ToolUse(
                call.id(), call.function().name(), input(call.function().arguments())));
    }

    private static JsonNode input(@Nullable String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode input = json.readTree(arguments);
            if (input.isObject()) {
                return input;
            }
        } catch (JacksonException notJson) {
            // falls through to the refusal below
        }
        throw invalid("Tool call arguments must be a JSON object to be sent to Bedrock.");
    }

    // Empty text is left out: Converse refuses blank text blocks.
    private static List<ContentBlock> contentBlocks(@Nullable MessageContent content) {
        return switch (content) {
            case null -> List.of();
            case MessageContent.Text text ->
                text.value().isEmpty() ? List.of() : List.of(ContentBlock.text(text.value()));
            case MessageContent.Parts parts ->
                parts.parts().stream()
                        .map(BedrockMessages::part)
                        .filter(block -> block.text() == null || !block.text().isEmpty())
                        .toList();
        };
    }

    private static ContentBlock part(ContentPart part) {
        return switch (String.valueOf(part.type())) {
            case "text" -> ContentBlock.text(part.text() == null ? "" : part.text());
            case "image_url" -> ContentBlock.image(image(part));
            default -> throw invalid("Bedrock does not support content parts of type '%s'.".formatted(part.type()));
        };
    }

    private static Image image(ContentPart part) {
        String url = part.imageUrl() == null ? null : part.imageUrl().url();
        if (url == null || !url.startsWith("data:")) {
            throw invalid("Bedrock's Converse API takes images only inline: send the image as a data: URI "
                    + "(data:image/png;base64,…), not as a URL.");
        }
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring("data:".length(), comma).toLowerCase(Locale.ROOT);
        String format = IMAGE_FORMATS.get(header.replace(";base64", ""));
        if (!header.endsWith(";base64") || format == null) {
            throw invalid("Bedrock takes base64 data: URIs of PNG, JPEG, GIF or WebP images.");
        }
        return new Image(format, new ImageSource(url.substring(comma + 1)));
    }

    static GatewayException invalid(String message) {
        return GatewayException.invalid(ErrorCode.INVALID_REQUEST, message, PARAM);
    }
}
