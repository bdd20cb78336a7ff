package dev.tollgate.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ToolCall;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Anthropic's recorded event streams read as chat completion chunks. */
class AnthropicStreamReaderTests {

    @Test
    void keepsToolCallArgumentsSplitAcrossManyEventsIntactUnderOneIndex() {
        List<ChatCompletionChunk> chunks = read(RecordedStreams.of("tool-call-stream"), null);

        List<ToolCall> fragments = chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .filter(choice -> choice.delta().toolCalls() != null)
                .flatMap(choice -> choice.delta().toolCalls().stream())
                .toList();
        assertThat(fragments)
                .hasSize(5)
                .allSatisfy(fragment -> assertThat(fragment.index()).isZero());
        assertThat(fragments.getFirst().id()).isEqualTo("toolu_01DYJo37oETVsCdLTTcCWcdq");
        assertThat(fragments.getFirst().function().name()).isEqualTo("get_weather");
        assertThat(fragments.subList(1, 5)).allSatisfy(fragment -> {
            assertThat(fragment.id()).isNull();
            assertThat(fragment.function().name()).isNull();
        });
        assertThat(fragments.stream()
                        .map(fragment -> fragment.function().arguments())
                        .collect(Collectors.joining()))
                .isEqualTo("{\"location\": \"San Francisco, CA\"}");
        assertThat(finishReason(chunks)).isEqualTo("tool_calls");
    }

    @Test
    void numbersToolCallsByCallNotByContentBlock() {
        List<StreamEvent> events = RecordedStreams.parse("""
                data: {"type":"message_start","message":{"id":"msg_1","model":"m","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}

                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_a","name":"f","input":{}}}

                data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"x\\":1}"}}

                data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_b","name":"g","input":{}}}

                data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{}"}}

                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

                data: {"type":"message_stop"}
                """);

        List<ToolCall> fragments = read(events, null).stream()
                .flatMap(chunk -> chunk.choices().stream())
                .filter(choice -> choice.delta().toolCalls() != null)
                .flatMap(choice -> choice.delta().toolCalls().stream())
                .toList();

        assertThat(fragments).extracting(ToolCall::index).containsExactly(0, 0, 1, 1);
        assertThat(fragments).extracting(ToolCall::id).containsExactly("toolu_a", null, "toolu_b", null);
    }

    @Test
    void endsWithAFinishChunkAndAUsageOnlyChunkCountingCacheReads() {
        List<ChatCompletionChunk> chunks = read(RecordedStreams.of("stream"), null);

        ChatCompletionChunk usage = chunks.getLast();
        assertThat(usage.usageOnly()).isTrue();
        assertThat(usage.usage().promptTokens()).isEqualTo(11 + 1031);
        assertThat(usage.usage().promptTokensDetails().cachedTokens()).isEqualTo(1031);
        assertThat(usage.usage().completionTokens()).isEqualTo(100);
        ChatCompletionChunk finish = chunks.get(chunks.size() - 2);
        assertThat(finish.choices().getFirst().finishReason()).isEqualTo("length");
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.id()).isEqualTo("msg_01RprQMTVaxMt5KCveLCRfwJ");
            assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.model()).isEqualTo("claude-sonnet-4-20250514");
        });
        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isEqualTo("assistant");
        assertThat(content(chunks)).startsWith("A **system** is an organized collection of interconnected components");
    }

    @Test
    void sendsNothingForMessageStartSoAFailureRightAfterItStillGetsAnErrorStatus() {
        AnthropicStreamReader reader = new AnthropicStreamReader(null, 0);

        assertThat(reader.read(RecordedStreams.of("stream").getFirst())).isEmpty();
        assertThat(reader.read(StreamEvent.of(StreamEvent.PING))).isEmpty();
    }

    @Test
    void keepsThinkingOutOfTheContentAndPassesItAsReasoningContent() {
        // The opening of a recorded extended-thinking stream (pydantic-ai test_anthropic_model_thinking_part_stream).
        List<StreamEvent> events = RecordedStreams.parse("""
                event: message_start
                data: {"type":"message_start","message":{"model":"claude-sonnet-4-20250514","id":"msg_01A6gwM9ZYySVuWAZxJ5Keko","type":"message","role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":43,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}               }

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}             }

                event: ping
                data: {"type": "ping"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"This"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" is a straight"}         }

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"Eu4CCkYICxgCKkCptg1Gj6hlyXcX"}       }

                event: content_block_stop
                data: {"type":"content_block_stop","index":0    }

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}               }

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Here's"} }

                event: content_block_stop
                data: {"type":"content_block_stop","index":1              }

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":43,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":277}      }

                event: message_stop
                data: {"type":"message_stop"}
                """);

        List<ChatCompletionChunk> chunks = read(events, null);

        assertThat(content(chunks)).isEqualTo("Here's");
        assertThat(chunks.stream()
                        .flatMap(chunk -> chunk.choices().stream())
                        .map(choice -> choice.delta().extra().get("reasoning_content"))
                        .filter(java.util.Objects::nonNull)
                        .map(String::valueOf)
                        .collect(Collectors.joining()))
                .isEqualTo("This is a straight");
        assertThat(chunks.getLast().usage().completionTokens()).isEqualTo(277);
        assertThat(finishReason(chunks)).isEqualTo("stop");
    }

    @Test
    void streamsTheStructuredOutputToolsInputAsContent() {
        List<StreamEvent> events = RecordedStreams.parse("""
                data: {"type":"message_start","message":{"id":"msg_1","model":"m","content":[],"usage":{"input_tokens":5,"output_tokens":1}}}

                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_a","name":"capital","input":{}}}

                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}

                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": "}}

                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"\\"Paris\\"}"}}

                data: {"type":"content_block_stop","index":0}

                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

                data: {"type":"message_stop"}
                """);

        List<ChatCompletionChunk> chunks = read(events, "capital");

        assertThat(content(chunks)).isEqualTo("{\"city\": \"Paris\"}");
        assertThat(finishReason(chunks)).isEqualTo("stop");
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(chunk.choices())
                        .allSatisfy(
                                choice -> assertThat(choice.delta().toolCalls()).isNull()));
    }

    static List<ChatCompletionChunk> read(List<StreamEvent> events, String outputTool) {
        AnthropicStreamReader reader = new AnthropicStreamReader(outputTool, 1_700_000_000L);
        return events.stream().flatMap(event -> reader.read(event).stream()).toList();
    }

    static String content(List<ChatCompletionChunk> chunks) {
        return chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .map(ChatCompletionChunk.ChunkChoice::delta)
                .map(ChatMessage::content)
                .filter(java.util.Objects::nonNull)
                .map(content -> content.text())
                .collect(Collectors.joining());
    }

    static String finishReason(List<ChatCompletionChunk> chunks) {
        return chunks.stream()
                .flatMap(chunk -> chunk.choices().stream())
                .map(ChatCompletionChunk.ChunkChoice::finishReason)
                .filter(java.util.Objects::nonNull)
                .reduce((first, last) -> last)
                .orElseThrow();
    }
}
