package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.provider.bedrock.BedrockTools.OutputTool;
import dev.tollgate.gateway.provider.bedrock.ConverseRequest.InferenceConfig;
import dev.tollgate.gateway.provider.bedrock.ConverseResponse.TokenUsage;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Pure functions between the gateway's OpenAI-shaped records and Bedrock's Converse API. */
final class BedrockMapper {

    private BedrockMapper() {}

    /**
     * The Converse request for a chat completion request (the model id travels in the path).
     *
     * @throws dev.tollgate.gateway.error.GatewayException 400 for what Converse cannot express
     */
    static ConverseRequest toConverseRequest(ChatCompletionRequest request, @Nullable OutputTool output) {
        checkSupported(request);
        List<ChatMessage> messages = request.messages() == null ? List.of() : request.messages();
        InferenceConfig config = new InferenceConfig(
                request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens(),
                request.temperature(),
                request.topP(),
                stopSequences(request.stop()));
        return new ConverseRequest(
                BedrockMessages.turns(messages),
                BedrockMessages.system(messages),
                config.isEmpty() ? null : config,
                BedrockTools.toolConfig(request, output),
                additionalFields(request));
    }

    // Refused rather than ignored: the answer would silently lack what was asked for.
    private static void checkSupported(ChatCompletionRequest request) {
        if (request.n() != null && request.n() > 1) {
            throw BedrockMessages.invalid("Bedrock generates one choice per request; n must be 1.");
        }
        if (Boolean.TRUE.equals(request.extra().get("logprobs"))) {
            throw BedrockMessages.invalid("Bedrock's Converse API does not return log probabilities.");
        }
        if (request.extra().containsKey("audio")) {
            throw BedrockMessages.invalid("Bedrock's Converse API does not produce audio.");
        }
    }

    private static @Nullable List<String> stopSequences(@Nullable Object stop) {
        return switch (stop) {
            case null -> null;
            case String one -> List.of(one);
            case List<?> many -> many.stream().map(String::valueOf).toList();
            default -> throw BedrockMessages.invalid("stop must be a string or an array of strings.");
        };
    }

    // Model-specific parameters (top_k, thinking budgets, …) for callers that know they talk to Bedrock.
    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> additionalFields(ChatCompletionRequest request) {
        return request.extra().get("additionalModelRequestFields") instanceof Map<?, ?> fields
                ? (Map<String, Object>) fields
                : null;
    }

    /**
     * The chat completion for a Converse answer.
     *
     * @param answer the answer
     * @param id the completion's id
     * @param created Unix seconds
     * @param model the model id the deployment sends
     * @param output the structured-output tool the request used, whose input becomes the content
     */
    static ChatCompletion toChatCompletion(
            ConverseResponse answer, String id, long created, String model, @Nullable OutputTool output) {
        List<ContentBlock> blocks = answer.output() == null
                        || answer.output().message() == null
                        || answer.output().message().content() == null
                ? List.of()
                : answer.output().message().content();
        Reply reply = Reply.of(blocks, output == null ? null : output.name());
        ChatCompletion.Choice choice =
                new ChatCompletion.Choice(0, reply.message(), reply.finishReason(answer.stopReason()), null, null);
        return new ChatCompletion(
                id, ChatCompletion.OBJECT, created, model, List.of(choice), toUsage(answer.usage()), null, null, null);
    }

    /** What one answer said: text, reasoning and tool calls; the output tool's input is the text. */
    private record Reply(String text, String reasoning, List<ToolCall> toolCalls, boolean structured) {

        static Reply of(List<ContentBlock> blocks, @Nullable String outputTool) {
            StringBuilder text = new StringBuilder();
            StringBuilder reasoning = new StringBuilder();
            List<ToolCall> calls = new ArrayList<>();
            String structured = null;
            for (ContentBlock block : blocks) {
                if (block.text() != null) {
                    text.append(block.text());
                } else if (block.reasoningContent() != null
                        && block.reasoningContent().reasoningText() != null) {
                    reasoning.append(String.valueOf(
                            block.reasoningContent().reasoningText().text()));
                } else if (block.toolUse() != null && block.toolUse().name() != null) {
                    if (block.toolUse().name().equals(outputTool)) {
                        structured = arguments(block.toolUse().input());
                    } else {
                        calls.add(toolCall(block.toolUse()));
                    }
                }
            }
            // A structured answer is the output tool's input alone: text around it would break the JSON.
            String content =
                    structured != null ? structured : outputTool != null && !calls.isEmpty() ? "" : text.toString();
            return new Reply(content, reasoning.toString(), calls, structured != null);
        }

        ChatMessage message() {
            Map<String, Object> extra = new LinkedHashMap<>();
            if (!reasoning.isEmpty()) {
                extra.put("reasoning_content", reasoning);
            }
            MessageContent content = text.isEmpty() && !toolCalls.isEmpty() ? null : new MessageContent.Text(text);
            return new ChatMessage(
                    "assistant", content, null, toolCalls.isEmpty() ? null : toolCalls, null, null, extra);
        }

        String finishReason(@Nullable String stopReason) {
            boolean answered = structured && toolCalls.isEmpty();
            return answered ? "stop" : toFinishReason(stopReason);
        }
    }

    private static ToolCall toolCall(ContentBlock.ToolUse use) {
        return new ToolCall(
                null, use.toolUseId(), "function", new ToolCall.FunctionCall(use.name(), arguments(use.input())), null);
    }

    /** A tool call's input as OpenAI's JSON-encoded {@code arguments}. */
    static String arguments(@Nullable JsonNode input) {
        return input == null || input.isNull() || input.isMissingNode() ? "{}" : input.toString();
    }

    /**
     * Converse's {@code stopReason} as OpenAI's {@code finish_reason}: guardrail and content-filter stops are
     * {@code content_filter}, which routing can fall back on.
     */
    static String toFinishReason(@Nullable String stopReason) {
        return switch (String.valueOf(stopReason)) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "guardrail_intervened", "content_filtered" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, or none given
        };
    }

    /**
     * Converse's usage in OpenAI's terms. {@code inputTokens} excludes the prompt cache, so the prompt is input plus
     * cache reads plus cache writes; cache reads are the cached share. Both cache counts are kept as Anthropic names
     * them ({@code cache_read_input_tokens}, {@code cache_creation_input_tokens}).
     */
    static @Nullable Usage toUsage(@Nullable TokenUsage usage) {
        if (usage == null) {
            return null;
        }
        int read = orZero(usage.cacheReadInputTokens());
        int write = orZero(usage.cacheWriteInputTokens());
        int prompt = orZero(usage.inputTokens()) + read + write;
        int completion = orZero(usage.outputTokens());
        Map<String, Object> extra = new LinkedHashMap<>();
        if (usage.cacheReadInputTokens() != null || usage.cacheWriteInputTokens() != null) {
            extra.put("cache_read_input_tokens", read);
            extra.put("cache_creation_input_tokens", write);
        }
        Usage.PromptTokensDetails details =
                usage.cacheReadInputTokens() == null ? null : new Usage.PromptTokensDetails(read, null);
        return new Usage(prompt, completion, prompt + completion, details, null, extra);
    }

    private static int orZero(@Nullable Integer count) {
        return count == null ? 0 : count;
    }
}
