package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BedrockStreamTranslatorTests {

    final BedrockEventStream frames = new BedrockEventStream("bedrock", BedrockEventStreamTests.json);

    List<ChatCompletionChunk> translate(BedrockStreamTranslator translator, byte[]... events) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        frames.feed(EventStreamFrames.concat(events)).forEach(event -> chunks.addAll(translator.translate(event)));
        return chunks;
    }

    static BedrockStreamTranslator translator(@Nullable String outputTool) {
        return new BedrockStreamTranslator(
                "bedrock", "chatcmpl-abc", 1700000000L, "anthropic.claude-3-haiku-20240307-v1:0", outputTool);
    }

    static byte[] event(String type, String payload) {
        return EventStreamFrames.event(type, payload);
    }

    @Test
    void textBecomesContentDeltasThenAFinishChunkThenAUsageOnlyChunk() {
        BedrockStreamTranslator translator = translator(null);

        List<ChatCompletionChunk> chunks = translate(translator, EventStreamFrames.textStream("Hel", "lo"));

        assertThat(chunks).hasSize(4);
        assertThat(chunks.get(0).id()).isEqualTo("chatcmpl-abc");
        assertThat(chunks.get(0).object()).isEqualTo("chat.completion.chunk");
        assertThat(chunks.get(0).choices().getFirst().delta().role()).isEqualTo("assistant");
        assertThat(chunks.get(0).choices().getFirst().delta().content().text()).isEqualTo("Hel");
        assertThat(chunks.get(1).choices().getFirst().delta().role()).isNull();
        assertThat(chunks.get(2).choices().getFirst().finishReason()).isEqualTo("stop");
        assertThat(chunks.get(3).usageOnly()).isTrue();
        assertThat(chunks.get(3).usage().promptTokens()).isEqualTo(3);
        translator.ending().as(StepVerifier::create).verifyComplete();
    }

    @Test
    void messageStartAloneSendsNothingSoAnEarlyFailureStillGetsAnErrorStatus() {
        assertThat(translate(translator(null), event("messageStart", "{\"role\":\"assistant\"}")))
                .isEmpty();
    }

    @Test
    void eachToolUseBlockIsOneToolCallWithItsOwnIndexAndArgumentFragments() {
        List<ChatCompletionChunk> chunks = translate(
                translator(null),
                event("messageStart", "{\"role\":\"assistant\"}"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Let me check.\"}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                event(
                        "contentBlockStart",
                        "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_a\",\"name\":\"weather\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\":\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\" \\\"Paris\\\"}\"}}}"),
                event("contentBlockStop", "{\"contentBlockIndex\":1}"),
                event(
                        "contentBlockStart",
                        "{\"contentBlockIndex\":2,\"start\":{\"toolUse\":{\"toolUseId\":\"tooluse_b\",\"name\":\"weather\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":2,\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}}"),
                event("messageStop", "{\"stopReason\":\"tool_use\"}"));

        assertThat(chunks).hasSize(7);
        var opened = chunks.get(1).choices().getFirst().delta().toolCalls().getFirst();
        assertThat(opened.index()).isZero();
        assertThat(opened.id()).isEqualTo("tooluse_a");
        assertThat(opened.type()).isEqualTo("function");
        assertThat(opened.function().name()).isEqualTo("weather");
        assertThat(opened.function().arguments()).isEmpty();
        var fragment = chunks.get(3).choices().getFirst().delta().toolCalls().getFirst();
        assertThat(fragment.index()).isZero();
        assertThat(fragment.id()).isNull();
        assertThat(fragment.function().arguments()).isEqualTo(" \"Paris\"}");
        assertThat(chunks.get(4)
                        .choices()
                        .getFirst()
                        .delta()
                        .toolCalls()
                        .getFirst()
                        .index())
                .isEqualTo(1);
        assertThat(chunks.get(6).choices().getFirst().finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void theOutputToolsInputStreamsAsContentAndOtherTextIsLeftOut() {
        List<ChatCompletionChunk> chunks = translate(
                translator("person"),
                event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Here you go\"}}"),
                event(
                        "contentBlockStart",
                        "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"t\",\"name\":\"person\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"name\\\":\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"\\\"Ada\\\"}\"}}}"),
                event("messageStop", "{\"stopReason\":\"tool_use\"}"));

        assertThat(chunks)
                .extracting(chunk -> chunk.choices().getFirst().delta().content() == null
                        ? null
                        : chunk.choices().getFirst().delta().content().text())
                .containsExactly("{\"name\":", "\"Ada\"}", null);
        assertThat(chunks.getLast().choices().getFirst().finishReason()).isEqualTo("stop");
    }

    @Test
    void reasoningDeltasBecomeReasoningContentNotContent() {
        List<ChatCompletionChunk> chunks = translate(
                translator(null),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"text\":\"Think.\"}}}"),
                event(
                        "contentBlockDelta",
                        "{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"signature\":\"EqoB\"}}}"));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.choices().getFirst().delta().content()).isNull();
            assertThat(chunk.choices().getFirst().delta().extra()).containsEntry("reasoning_content", "Think.");
        });
    }

    @Test
    void aGuardrailStopIsAContentFilterFinish() {
        List<ChatCompletionChunk> chunks =
                translate(translator(null), event("messageStop", "{\"stopReason\":\"guardrail_intervened\"}"));

        assertThat(chunks.getFirst().choices().getFirst().finishReason()).isEqualTo("content_filter");
    }

    @Test
    void aStreamThatEndsWithoutMessageStopWasCut() {
        BedrockStreamTranslator translator = translator(null);
        translate(translator, event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"}}"));

        translator
                .ending()
                .as(StepVerifier::create)
                .verifyErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(
                                GatewayException.class,
                                cut -> assertThat(cut.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE)));
    }
}
