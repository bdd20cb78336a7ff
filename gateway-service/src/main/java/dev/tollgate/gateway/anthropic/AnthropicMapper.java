package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ErrorResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Pure functions between OpenAI's chat completions and Anthropic's Messages API. Forward (the adapter): requests to
 * Anthropic, answers back. Reverse (the Anthropic-compatible ingress): Anthropic requests to OpenAI's, answers back.
 * Streams are translated by {@link AnthropicStreamReader} (forward) and {@link AnthropicStreamWriter} (reverse). A
 * request that cannot be expressed on the other side fails with a 400 {@link GatewayException} naming the field.
 */
public final class AnthropicMapper {

    /** Parameters left out of the Messages request without an error, because the answer's shape does not need them. */
    public static final List<String> IGNORED_PARAMETERS = Unsupported.IGNORED;

    private AnthropicMapper() {}

    /**
     * The Messages request for an OpenAI request.
     *
     * @param request the caller's request, already validated by the gateway
     * @param model the Anthropic model to ask, such as {@code claude-sonnet-4-5}
     * @param defaultMaxTokens {@code max_tokens} when the request sets neither {@code max_completion_tokens} nor
     *     {@code max_tokens}
     * @throws GatewayException a 400 for what Anthropic cannot do: {@code n > 1}, log probabilities, audio, content or
     *     tools of unsupported types, malformed tool arguments
     */
    public static MessagesRequest toMessagesRequest(ChatCompletionRequest request, String model, int defaultMaxTokens) {
        return MessagesRequestMapper.toMessagesRequest(request, model, defaultMaxTokens);
    }

    /**
     * The name of the tool that carries a {@code response_format} answer, for {@link #toChatCompletion} and
     * {@link AnthropicStreamReader}; {@code null} when the request wants plain text.
     */
    public static @Nullable String structuredOutputTool(ChatCompletionRequest request) {
        StructuredOutput output = StructuredOutput.of(request);
        return output == null ? null : output.name();
    }

    /**
     * The chat completion for a Messages response.
     *
     * @param outputTool the request's {@link #structuredOutputTool}, whose input becomes the content
     * @param created Unix seconds, for {@code created} (Anthropic has no such field)
     */
    public static ChatCompletion toChatCompletion(
            MessagesResponse response, @Nullable String outputTool, long created) {
        return ChatCompletionMapper.toChatCompletion(response, outputTool, created);
    }

    /** An Anthropic error body in OpenAI's terms, with a normalised {@code code} (see {@link ErrorMapper}). */
    public static ErrorResponse.Body toOpenAiError(AnthropicError.Body error) {
        return ErrorMapper.toOpenAiError(error);
    }

    /**
     * The OpenAI request for a caller's Messages request (ingress). Streaming requests ask for stream usage, which
     * {@link AnthropicStreamWriter} reports in {@code message_delta}.
     *
     * @throws GatewayException a 400 for a request Anthropic would refuse (no model, no {@code max_tokens}, no
     *     messages, roles other than user and assistant) or one only Anthropic could serve (server tools)
     */
    public static ChatCompletionRequest toChatRequest(MessagesRequest request) {
        return ChatRequestMapper.toChatRequest(request);
    }

    /**
     * The Messages response for a chat completion (ingress).
     *
     * @param estimatedInput input tokens to report when the completion carries no usage
     */
    public static MessagesResponse toMessagesResponse(ChatCompletion completion, int estimatedInput) {
        return MessagesResponseMapper.toMessagesResponse(completion, estimatedInput);
    }

    /** Anthropic's {@code msg_…} id for a completion or request id; a fresh one for {@code null}. */
    public static String messageId(@Nullable String id) {
        return MessagesResponseMapper.messageId(id);
    }

    /**
     * Anthropic's error envelope for a gateway failure (ingress), to send with {@link GatewayException#status()} and
     * its headers (such as {@code Retry-After}). The type follows the status: 400 {@code invalid_request_error}, 401
     * {@code authentication_error}, 403 {@code permission_error}, 404 {@code not_found_error}, 413
     * {@code request_too_large}, 429 {@code rate_limit_error}, 529 {@code overloaded_error}, other 5xx
     * {@code api_error}.
     */
    public static AnthropicError toAnthropicError(GatewayException error, @Nullable String requestId) {
        return ErrorMapper.toAnthropicError(error, requestId);
    }
}
