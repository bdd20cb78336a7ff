package dev.tollgate.gateway.provider.openai;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.StreamOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Pure functions from the gateway's requests to what an OpenAI-style upstream is sent. */
final class OpenAiMapper {

    private OpenAiMapper() {}

    /**
     * The request with the deployment's model name in place of the public one, and, when streaming, with
     * {@code stream_options.include_usage} on: the provider's own usage is what the gateway meters, and the gateway
     * strips that chunk again for a caller that did not ask for it. Unchanged when neither applies.
     */
    static ChatCompletionRequest toUpstream(ChatCompletionRequest request, @Nullable String upstreamModel) {
        String model = upstreamModel == null ? request.model() : upstreamModel;
        StreamOptions options = request.streaming() ? withUsage(request.streamOptions()) : request.streamOptions();
        if (Objects.equals(model, request.model()) && options == request.streamOptions()) {
            return request;
        }
        return new ChatCompletionRequest(
                model,
                request.messages(),
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                request.stream(),
                options,
                request.maxTokens(),
                request.maxCompletionTokens(),
                request.temperature(),
                request.topP(),
                request.n(),
                request.stop(),
                request.seed(),
                request.user(),
                request.metadata(),
                request.extra());
    }

    private static StreamOptions withUsage(@Nullable StreamOptions options) {
        if (options != null && Boolean.TRUE.equals(options.includeUsage())) {
            return options;
        }
        Map<String, Object> extra = options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options.extra());
        return new StreamOptions(true, extra);
    }

    /** The request with the deployment's model name in place of the public one; unchanged when there is none. */
    static EmbeddingRequest toUpstream(EmbeddingRequest request, @Nullable String upstreamModel) {
        if (upstreamModel == null || upstreamModel.equals(request.model())) {
            return request;
        }
        return new EmbeddingRequest(
                upstreamModel,
                request.input(),
                request.encodingFormat(),
                request.dimensions(),
                request.user(),
                request.extra());
    }
}
