package dev.tollgate.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an SDK makes of a {@code chat.completion.chunk} stream the gateway sent, checked on the way: every event is one
 * {@code data:} line, every chunk is a well-formed {@code chat.completion.chunk}, and the stream ends either with one
 * {@code [DONE]} or, when it failed after its first event, with one error event. The result holds {@code content}
 * (content deltas joined), {@code refusal}, {@code tool_calls} (fragments merged by index), {@code finish_reason} (the
 * last), {@code usage} (the last reported), {@code chunks} (their count), {@code first_chunk}, and {@code error}
 * (the error event's {@code error} object) or {@code done: true}.
 */
public final class StreamFold {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final StringBuilder content = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private final Map<Integer, ObjectNode> toolCalls = new TreeMap<>();
    private final ObjectNode result = json.createObjectNode();
    private int chunks;

    private StreamFold() {}

    /** Folds the body of a streamed answer, failing on the first thing an SDK would choke on. */
    public static JsonNode of(String body) {
        List<String> data = events(body);
        if (data.isEmpty()) {
            throw new AssertionError("the stream has no events");
        }
        StreamFold fold = new StreamFold();
        for (String event : data.subList(0, data.size() - 1)) {
            if ("[DONE]".equals(event)) {
                throw new AssertionError("[DONE] before the end of the stream");
            }
            fold.add(json.readTree(event));
        }
        return fold.end(data.getLast());
    }

    private static List<String> events(String body) {
        List<String> data = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (!event.isBlank()) {
                if (!event.startsWith("data: ") || event.contains("\n")) {
                    throw new AssertionError("not one data line: " + event);
                }
                data.add(event.substring("data: ".length()));
            }
        }
        return data;
    }

    private JsonNode end(String last) {
        if ("[DONE]".equals(last)) {
            result.put("done", true);
        } else {
            JsonNode error = json.readTree(last).path("error");
            if (!error.isObject()) {
                throw new AssertionError("the stream ends with neither [DONE] nor an error event: " + last);
            }
            result.set("error", error);
        }
        result.put("content", content.toString());
        if (!refusal.isEmpty()) {
            result.put("refusal", refusal.toString());
        }
        result.set("tool_calls", json.valueToTree(new ArrayList<>(toolCalls.values())));
        result.put("chunks", chunks);
        return result;
    }

    private void add(JsonNode chunk) {
        if (!"chat.completion.chunk".equals(chunk.path("object").asString(""))
                || chunk.path("id").asString("").isBlank()) {
            throw new AssertionError("not a chat.completion.chunk with an id: " + chunk);
        }
        if (chunks++ == 0) {
            result.set("first_chunk", chunk);
        }
        if (chunk.hasNonNull("usage")) {
            result.set("usage", chunk.get("usage"));
        }
        for (JsonNode choice : chunk.path("choices")) {
            addDelta(choice.path("delta"));
            if (choice.hasNonNull("finish_reason")) {
                result.put("finish_reason", choice.get("finish_reason").asString());
            }
        }
    }

    private void addDelta(JsonNode delta) {
        if (delta.hasNonNull("content")) {
            content.append(delta.get("content").asString());
        }
        if (delta.hasNonNull("refusal")) {
            refusal.append(delta.get("refusal").asString());
        }
        delta.path("tool_calls").forEach(this::addToolCall);
    }

    private void addToolCall(JsonNode fragment) {
        if (!fragment.path("index").isIntegralNumber()) {
            throw new AssertionError("a tool-call fragment without an index: " + fragment);
        }
        ObjectNode call = toolCalls.computeIfAbsent(fragment.get("index").asInt(), index -> {
            ObjectNode created = json.createObjectNode();
            created.put("index", index);
            created.putObject("function").put("arguments", "");
            return created;
        });
        if (fragment.hasNonNull("id")) {
            call.put("id", fragment.get("id").asString());
        }
        if (fragment.hasNonNull("type")) {
            call.put("type", fragment.get("type").asString());
        }
        JsonNode function = fragment.path("function");
        ObjectNode folded = (ObjectNode) call.get("function");
        if (function.hasNonNull("name")) {
            folded.put("name", function.get("name").asString());
        }
        if (function.hasNonNull("arguments")) {
            folded.put(
                    "arguments",
                    folded.get("arguments").asString()
                            + function.get("arguments").asString());
        }
    }
}
