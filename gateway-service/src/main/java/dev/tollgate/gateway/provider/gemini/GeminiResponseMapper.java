package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.gemini.GeminiContent.Part;
import dev.tollgate.gateway.provider.gemini.GeminiResponse.Candidate;
import dev.tollgate.gateway.provider.gemini.GeminiResponse.UsageMetadata;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Pure functions from Gemini's answers to OpenAI's: candidates become choices (answer text joined, thoughts left
 * out), function calls tool calls, finish reasons and usage their OpenAI counterparts.
 */
final class GeminiResponseMapper {

    static final String STOP = "stop";
    static final String LENGTH = "length";
    static final String TOOL_CALLS = "tool_calls";
    static final String CONTENT_FILTER = "content_filter";
    private static final Set<String> FILTERED = Set.of(
            "SAFETY",
            "RECITATION",
            "BLOCKLIST",
            "PROHIBITED_CONTENT",
            "SPII",
            "IMAGE_SAFETY",
            "IMAGE_PROHIBITED_CONTENT",
            "IMAGE_RECITATION");

    private GeminiResponseMapper() {}

    /** A whole answer; {@code model} names the deployment's model when Gemini does not say which version answered. */
    static ChatCompletion toChatCompletion(GeminiResponse response, String model, long created) {
        ToolCallIds ids = new ToolCallIds(response.responseId());
        List<ChatCompletion.Choice> choices = response.candidatesOrEmpty().stream()
                .sorted(Comparator.comparing(candidate -> indexOf(candidate, 0)))
                .map(candidate -> toChoice(candidate, ids))
                .toList();
        return new ChatCompletion(
                completionId(response.responseId()),
                ChatCompletion.OBJECT,
                created,
                response.modelVersion() != null ? response.modelVersion() : model,
                choices,
                toUsage(response.usageMetadata()),
                null,
                null,
                null);
    }

    private static ChatCompletion.Choice toChoice(Candidate candidate, ToolCallIds ids) {
        List<ToolCall> calls = toToolCalls(candidate.parts(), ids, false);
        String text = textOf(candidate.parts());
        MessageContent content = text.isEmpty() && !calls.isEmpty() ? null : new MessageContent.Text(text);
        ChatMessage message =
                new ChatMessage("assistant", content, null, calls.isEmpty() ? null : calls, null, null, null);
        return new ChatCompletion.Choice(
                indexOf(candidate, 0), message, toFinishReason(candidate.finishReason(), !calls.isEmpty()), null, null);
    }

    /** The answer text of some parts, thoughts left out; Gemini splits text across parts at will. */
    static String textOf(List<Part> parts) {
        return parts.stream().filter(Part::isAnswerText).map(Part::text).collect(Collectors.joining());
    }

    /** The function calls among some parts; in a stream each carries its position, as a tool-call delta does. */
    static List<ToolCall> toToolCalls(List<Part> parts, ToolCallIds ids, boolean indexed) {
        List<ToolCall> calls = new ArrayList<>();
        for (Part part : parts) {
            if (part.functionCall() != null) {
                calls.add(toToolCall(part, ids.id(ids.next()), indexed ? calls.size() : null));
            }
        }
        return calls;
    }

    private static ToolCall toToolCall(Part part, String id, @Nullable Integer index) {
        String arguments = part.functionCall().args() == null
                ? "{}"
                : GeminiMapper.JSON.writeValueAsString(part.functionCall().args());
        return new ToolCall(
                index,
                id,
                "function",
                new ToolCall.FunctionCall(part.functionCall().name(), arguments),
                GeminiThoughts.extraFor(part.thoughtSignature()));
    }

    /**
     * Gemini's finish reason as OpenAI's. A safety stop wins over everything, because the answer was cut; an answer
     * that calls functions ends in {@code tool_calls} (Gemini says {@code STOP}). Reasons OpenAI has no word for
     * ({@code MALFORMED_FUNCTION_CALL}, {@code LANGUAGE}, {@code OTHER}…) are {@code stop}.
     */
    static String toFinishReason(@Nullable String finishReason, boolean calledTools) {
        if (finishReason != null && FILTERED.contains(finishReason)) {
            return CONTENT_FILTER;
        }
        if (calledTools) {
            return TOOL_CALLS;
        }
        return "MAX_TOKENS".equals(finishReason) ? LENGTH : STOP;
    }

    /**
     * Gemini's usage as OpenAI's: prompt tokens include built-in tool-use prompts and cached content (the cached share
     * is {@code cached_tokens}); completion tokens include thoughts (their share is {@code reasoning_tokens}), which
     * Gemini bills as output.
     */
    static @Nullable Usage toUsage(@Nullable UsageMetadata usage) {
        if (usage == null) {
            return null;
        }
        int prompt = orZero(usage.promptTokenCount()) + orZero(usage.toolUsePromptTokenCount());
        int thoughts = orZero(usage.thoughtsTokenCount());
        int completion = orZero(usage.candidatesTokenCount()) + thoughts;
        return new Usage(
                prompt,
                completion,
                prompt + completion,
                new Usage.PromptTokensDetails(orZero(usage.cachedContentTokenCount()), null),
                new Usage.CompletionTokensDetails(thoughts, null, null, null),
                null);
    }

    /**
     * OpenAI's completion id for a Gemini response id; a random one in the unlikely case Gemini sent none (not a
     * UUID: its SecureRandom may block the event loop).
     */
    static String completionId(@Nullable String responseId) {
        return "chatcmpl-"
                + (responseId != null
                        ? responseId
                        : Long.toHexString(
                                java.util.concurrent.ThreadLocalRandom.current().nextLong()));
    }

    static int indexOf(Candidate candidate, int otherwise) {
        return candidate.index() == null ? otherwise : candidate.index();
    }

    private static int orZero(@Nullable Integer count) {
        return count == null ? 0 : count;
    }

    /**
     * Numbers the function calls of one response: Gemini gives them no ids, so they are {@code call_<responseId>_<n>},
     * the same on every replay of the response and unique across the turns of a conversation (a bare
     * {@code call_<n>} would repeat in every turn).
     */
    static final class ToolCallIds {

        private final String prefix;
        private int count;

        ToolCallIds(@Nullable String responseId) {
            this.prefix = responseId == null ? "call_" : "call_" + responseId + "_";
        }

        int next() {
            return count++;
        }

        String id(int n) {
            return prefix + n;
        }
    }
}
