package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.gemini.GeminiContent.FunctionCall;
import dev.tollgate.gateway.provider.gemini.GeminiContent.FunctionResponse;
import dev.tollgate.gateway.provider.gemini.GeminiContent.Part;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an OpenAI conversation into Gemini's: system and developer messages become the {@code systemInstruction}
 * (wherever they stand); {@code assistant} turns become {@code model} turns, their tool calls {@code functionCall}
 * parts; {@code tool} results become {@code functionResponse} parts of a {@code user} turn, named after the assistant
 * tool call they answer (Gemini matches results by function name and order, not by id). Consecutive tool results
 * share one turn, as Gemini wants the answers to parallel calls together.
 */
final class GeminiContents {

    private GeminiContents() {}

    /**
     * A conversation in Gemini's shape.
     *
     * @param system the system instruction; {@code null} when there was no system or developer message
     * @param contents the turns
     */
    record Conversation(@Nullable GeminiContent system, List<GeminiContent> contents) {}

    static Conversation of(List<ChatMessage> messages) {
        Turns turns = new Turns();
        for (int i = 0; i < messages.size(); i++) {
            turns.add(messages.get(i), i);
        }
        return turns.conversation();
    }

    /** The conversation as it is built, message by message. */
    private static final class Turns {

        private final List<Part> system = new ArrayList<>();
        private final List<GeminiContent> contents = new ArrayList<>();
        private final Map<String, String> callNames = new HashMap<>(); // tool call id → function name, latest wins
        private boolean lastIsToolResults;

        void add(ChatMessage message, int i) {
            switch (String.valueOf(message.role())) {
                case "system", "developer" -> addSystem(message);
                case "user" -> append(GeminiContent.USER, userParts(message.content(), i), false);
                case "assistant" -> append(GeminiContent.MODEL, modelParts(message, i), false);
                case "tool" -> append(GeminiContent.USER, List.of(toolResult(message, toolName(message, i))), true);
                case "function" -> append(GeminiContent.USER, List.of(toolResult(message, message.name())), true);
                default -> throw GeminiMapper.invalid("the role " + message.role() + " is unknown", role(i));
            }
        }

        Conversation conversation() {
            GeminiContent instruction = system.isEmpty() ? null : new GeminiContent(null, List.copyOf(system));
            return new Conversation(instruction, List.copyOf(contents));
        }

        private void addSystem(ChatMessage message) {
            String text = message.content() == null ? "" : message.content().text();
            if (!text.isEmpty()) {
                system.add(Part.text(text));
            }
        }

        private List<Part> modelParts(ChatMessage message, int i) {
            List<Part> parts = new ArrayList<>();
            String text = message.content() == null ? "" : message.content().text();
            if (!text.isEmpty()) {
                parts.add(Part.text(text));
            }
            List<ToolCall> calls = message.toolCalls() == null ? List.of() : message.toolCalls();
            for (int n = 0; n < calls.size(); n++) {
                parts.add(functionCall(calls.get(n), i, n == 0 && unsigned(calls)));
            }
            return parts;
        }

        // A turn without any signature gets the placeholder on its first call (see GeminiThoughts).
        private static boolean unsigned(List<ToolCall> calls) {
            return calls.stream().allMatch(call -> GeminiThoughts.signatureOf(call) == null);
        }

        private Part functionCall(ToolCall call, int i, boolean placeholder) {
            String name = call.function() == null ? null : call.function().name();
            if (name == null || name.isBlank()) {
                throw GeminiMapper.invalid("every tool call needs a function name", "messages[" + i + "].tool_calls");
            }
            if (call.id() != null) {
                callNames.put(call.id(), name);
            }
            JsonNode args = arguments(call.function().arguments(), i);
            String signature = placeholder ? GeminiThoughts.SKIP_VALIDATOR : GeminiThoughts.signatureOf(call);
            return Part.call(new FunctionCall(name, args), signature);
        }

        private String toolName(ChatMessage message, int i) {
            String name = message.toolCallId() == null ? null : callNames.get(message.toolCallId());
            if (name == null) {
                throw GeminiMapper.invalid(
                        "the tool message answers tool_call_id " + message.toolCallId()
                                + ", which no earlier assistant message made",
                        "messages[" + i + "].tool_call_id");
            }
            return name;
        }

        // Parts of a user turn follow each other; tool results only join other tool results.
        private void append(String role, List<Part> parts, boolean toolResults) {
            if (parts.isEmpty()) {
                return;
            }
            GeminiContent last = contents.isEmpty() ? null : contents.getLast();
            if (last != null && role.equals(last.role()) && toolResults == lastIsToolResults) {
                List<Part> merged = new ArrayList<>(last.partsOrEmpty());
                merged.addAll(parts);
                contents.set(contents.size() - 1, new GeminiContent(role, List.copyOf(merged)));
            } else {
                contents.add(new GeminiContent(role, List.copyOf(parts)));
            }
            lastIsToolResults = toolResults;
        }
    }

    private static List<Part> userParts(@Nullable MessageContent content, int i) {
        return switch (content) {
            case null -> List.of();
            case MessageContent.Text text -> text.value().isEmpty() ? List.of() : List.of(Part.text(text.value()));
            case MessageContent.Parts parts ->
                parts.parts().stream().map(part -> GeminiMedia.toPart(part, i)).toList();
        };
    }

    // Gemini wants a JSON object for a function's result; anything else is wrapped as {"result": …}.
    private static Part toolResult(ChatMessage message, @Nullable String name) {
        String text = message.content() == null ? "" : message.content().text();
        JsonNode value = GeminiMapper.parseOrNull(text);
        if (value == null || !value.isObject()) {
            ObjectNode wrapped = GeminiMapper.JSON.createObjectNode();
            wrapped.set(
                    "result", value == null ? GeminiMapper.JSON.getNodeFactory().stringNode(text) : value);
            value = wrapped;
        }
        return Part.response(new FunctionResponse(name, value));
    }

    private static JsonNode arguments(@Nullable String arguments, int i) {
        if (arguments == null || arguments.isBlank()) {
            return GeminiMapper.JSON.createObjectNode();
        }
        JsonNode parsed = GeminiMapper.parseOrNull(arguments);
        if (parsed == null || !parsed.isObject()) {
            throw GeminiMapper.invalid("tool call arguments must be a JSON object", "messages[" + i + "].tool_calls");
        }
        return parsed;
    }

    private static String role(int i) {
        return "messages[" + i + "].role";
    }

    /** Used by {@link GeminiMedia} for the parts of user content. */
    static String contentParam(int i) {
        return "messages[" + i + "].content";
    }
}
