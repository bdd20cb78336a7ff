package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import dev.tollgate.model.openai.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Messages response to chat completion (see {@link AnthropicMapper#toChatCompletion}): text blocks joined into the
 * content, {@code tool_use} blocks as tool calls, the structured-output tool's input as the content, thinking kept out
 * of the content (it travels as {@code reasoning_content}), and blocks OpenAI has no place for (server tool results,
 * redacted thinking) left out.
 */
final class ChatCompletionMapper {

    static final String REASONING = "reasoning_content";

    private ChatCompletionMapper() {}

    static ChatCompletion toChatCompletion(MessagesResponse response, @Nullable String outputTool, long created) {
        Answer answer = new Answer(outputTool);
        (response.content() == null ? List.<ContentBlock>of() : response.content()).forEach(answer::add);
        ChatCompletion.Choice choice =
                new ChatCompletion.Choice(0, answer.message(), answer.finishReason(response.stopReason()), null, null);
        return new ChatCompletion(
                response.id(),
                ChatCompletion.OBJECT,
                created,
                response.model(),
                List.of(choice),
                UsageMapper.toUsage(response.usage()),
                null,
                null,
                null);
    }

    static ToolCall toolCall(@Nullable Integer index, ContentBlock block) {
        return new ToolCall(
                index,
                block.id(),
                "function",
                new ToolCall.FunctionCall(block.name(), AnthropicJson.write(block.input())),
                null);
    }

    /** The answer's parts as the blocks go by. */
    private static final class Answer {

        private final @Nullable String outputTool;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder thinking = new StringBuilder();
        private final List<ToolCall> calls = new ArrayList<>();
        private @Nullable String structured;

        Answer(@Nullable String outputTool) {
            this.outputTool = outputTool;
        }

        void add(ContentBlock block) {
            switch (String.valueOf(block.type())) {
                case ContentBlock.TEXT -> text.append(String.valueOf(block.text()));
                case ContentBlock.THINKING -> thinking.append(String.valueOf(block.thinking()));
                case ContentBlock.TOOL_USE -> toolUse(block);
                default -> {} // redacted thinking, server tool blocks: nothing OpenAI can carry
            }
        }

        private void toolUse(ContentBlock block) {
            if (outputTool != null && outputTool.equals(block.name())) {
                structured = AnthropicJson.write(block.input());
            } else {
                calls.add(toolCall(null, block));
            }
        }

        ChatMessage message() {
            String content =
                    structured != null ? structured : text.isEmpty() && !calls.isEmpty() ? null : text.toString();
            Map<String, Object> extra = new LinkedHashMap<>();
            if (!thinking.isEmpty()) {
                extra.put(REASONING, thinking.toString());
            }
            return new ChatMessage(
                    "assistant",
                    content == null ? null : new MessageContent.Text(content),
                    null,
                    calls.isEmpty() ? null : calls,
                    null,
                    null,
                    extra);
        }

        // A structured answer ends the turn: the caller gets content, not a tool call to run.
        String finishReason(@Nullable String stopReason) {
            if ("tool_use".equals(stopReason) && structured != null && calls.isEmpty()) {
                return "stop";
            }
            return StopReasons.toFinishReason(stopReason);
        }
    }
}
