package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** OpenAI chat completion request to Messages request (see {@link AnthropicMapper#toMessagesRequest}). */
final class MessagesRequestMapper {

    private MessagesRequestMapper() {}

    static MessagesRequest toMessagesRequest(ChatCompletionRequest request, String model, int defaultMaxTokens) {
        Unsupported.reject(request);
        List<ChatMessage> messages = request.messages() == null ? List.of() : request.messages();
        StructuredOutput output = StructuredOutput.of(request);
        return new MessagesRequest(
                model,
                maxTokens(request, defaultMaxTokens),
                Conversation.system(messages),
                Conversation.turns(messages),
                stopSequences(request.stop()),
                request.temperature(),
                request.topP(),
                request.extra().get("top_k") instanceof Number topK ? topK.intValue() : null,
                request.streaming() ? Boolean.TRUE : null,
                Tools.tools(request, output),
                Tools.choice(request, output),
                request.user() == null ? null : new MessagesRequest.Metadata(request.user()),
                thinking(request.extra()));
    }

    // max_completion_tokens is OpenAI's current name, max_tokens the legacy one; Anthropic requires a value.
    private static int maxTokens(ChatCompletionRequest request, int defaultMaxTokens) {
        if (request.maxCompletionTokens() != null) {
            return request.maxCompletionTokens();
        }
        return request.maxTokens() != null ? request.maxTokens() : defaultMaxTokens;
    }

    private static @Nullable List<String> stopSequences(@Nullable Object stop) {
        if (stop == null || stop instanceof String) {
            return stop == null ? null : List.of((String) stop);
        }
        if (stop instanceof List<?> many && many.stream().allMatch(String.class::isInstance)) {
            return many.stream().map(String.class::cast).toList();
        }
        throw ContentParts.invalid("'stop' must be a string or an array of strings.", "stop");
    }

    // Anthropic's own extended thinking, for callers that know they are talking to Claude.
    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> thinking(Map<String, Object> extra) {
        return extra.get("thinking") instanceof Map<?, ?> thinking ? (Map<String, Object>) thinking : null;
    }
}
