package dev.tollgate.gateway.provider.openai;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import org.jspecify.annotations.Nullable;

/** Pure functions from the gateway's requests to what an OpenAI-style upstream is sent. */
final class OpenAiMapper {

    private OpenAiMapper() {}

    /** The request with the deployment's model name in place of the public one; unchanged when there is none. */
    static ChatCompletionRequest toUpstream(ChatCompletionRequest request, @Nullable String upstreamModel) {
        if (upstreamModel == null || upstreamModel.equals(request.model())) {
            return request;
        }
        return new ChatCompletionRequest(
                upstreamModel,
                request.messages(),
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                request.stream(),
                request.streamOptions(),
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
