package dev.tollgate.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chat completion chunks written as the Messages events Anthropic sends, for the ingress. */
class AnthropicStreamWriterTests {

    static final OpenAiJson json = new OpenAiJson(64);

    @Test
    void writesATextStreamInTheOrderAndShapeAnthropicSends() {
        List<String> events = write(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" world\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":25,\"completion_tokens\":3,\"total_tokens\":28}}");

        assertThat(events)
                .containsExactly(
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":"
                                + "\"assistant\",\"model\":\"gpt-4o\",\"content\":[],\"stop_reason\":null,"
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,"
                                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
                                + "\"output_tokens\":1}}}",
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
                                + "\"text\":\"\"}}",
                        "{\"type\":\"ping\"}",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                                + "\"text\":\"Hello\"}}",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                                + "\"text\":\" world\"}}",
                        "{\"type\":\"content_block_stop\",\"index\":0}",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                                + "\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,"
                                + "\"cache_read_input_tokens\":0,\"output_tokens\":3}}",
                        "{\"type\":\"message_stop\"}");
    }

    @Test
    void writesEachToolCallAsAToolUseBlockWhoseArgumentsArriveAsInputJsonDeltas() {
        List<String> events = write(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Let me check.\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
                        + "\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                        + "{\"arguments\":\"{\\\"city\\\"\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                        + "{\"arguments\":\":\\\"Paris\\\"}\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"id\":\"call_2\",\"type\":"
                        + "\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{}\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");

        assertThat(events.subList(1, events.size()))
                .containsExactly(
                        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
                                + "\"text\":\"\"}}",
                        "{\"type\":\"ping\"}",
                        "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                                + "\"text\":\"Let me check.\"}}",
                        "{\"type\":\"content_block_stop\",\"index\":0}",
                        "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                                + "\"id\":\"call_1\",\"name\":\"weather\",\"input\":{}}}",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                                + "\"partial_json\":\"\"}}",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                                + "\"partial_json\":\"{\\\"city\\\"\"}}",
                        "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                                + "\"partial_json\":\":\\\"Paris\\\"}\"}}",
                        "{\"type\":\"content_block_stop\",\"index\":1}",
                        "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\","
                                + "\"id\":\"call_2\",\"name\":\"time\",\"input\":{}}}",
                        "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\","
                                + "\"partial_json\":\"{}\"}}",
                        "{\"type\":\"content_block_stop\",\"index\":2}",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                                + "\"usage\":{\"input_tokens\":20,\"cache_creation_input_tokens\":0,"
                                + "\"cache_read_input_tokens\":0,\"output_tokens\":0}}",
                        "{\"type\":\"message_stop\"}");
    }

    @Test
    void reproducesARecordedAnthropicStreamWhenItsChunksAreWrittenBack() {
        List<StreamEvent> recorded = RecordedStreams.of("tool-call-stream");
        AnthropicStreamReader reader = new AnthropicStreamReader(null, 0);
        AnthropicStreamWriter writer = new AnthropicStreamWriter("msg_01RQXWh4UaLp6wsR9R8i8RZ3", "claude", 599);

        List<StreamEvent> written = new ArrayList<>();
        recorded.forEach(event -> reader.read(event).forEach(chunk -> written.addAll(writer.write(chunk))));
        written.addAll(writer.finish());

        assertThat(written)
                .extracting(StreamEvent::type)
                .isEqualTo(recorded.stream().map(StreamEvent::type).toList());
        assertThat(deltas(written)).isEqualTo(deltas(recorded));
        assertThat(written.stream().filter(event -> event.is(StreamEvent.CONTENT_BLOCK_START)))
                .last()
                .satisfies(start -> assertThat(start.contentBlock().id()).isEqualTo("toolu_01DYJo37oETVsCdLTTcCWcdq"));
        assertThat(written.get(written.size() - 2).usage().outputTokens()).isEqualTo(135);
        assertThat(written.get(written.size() - 2).delta().stopReason()).isEqualTo("tool_use");
    }

    @Test
    void opensAndClosesTheMessageEvenWhenNoChunkArrived() {
        AnthropicStreamWriter writer = new AnthropicStreamWriter("msg_1", "gpt-4o", 20);

        assertThat(writer.finish())
                .extracting(StreamEvent::type)
                .containsExactly(StreamEvent.MESSAGE_START, StreamEvent.MESSAGE_DELTA, StreamEvent.MESSAGE_STOP);
    }

    @Test
    void writesAFailureAsAnErrorEventFramedAsAnthropicFramesEvents() {
        GatewayException failure = GatewayException.upstream(
                ErrorCode.UPSTREAM_UNAVAILABLE, "The provider openai ended the stream before it was complete.", null);
        StreamEvent event = StreamEvent.error(
                AnthropicMapper.toAnthropicError(failure, null).error());

        byte[] frame = AnthropicStreamWriter.sse(event, json.write(event));

        assertThat(new String(frame, StandardCharsets.UTF_8))
                .isEqualTo("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":"
                        + "\"The provider openai ended the stream before it was complete.\"}}\n\n");
    }

    private static List<String> write(String... chunks) {
        AnthropicStreamWriter writer = new AnthropicStreamWriter("msg_1", "gpt-4o", 20);
        List<StreamEvent> events = new ArrayList<>();
        for (String chunk : chunks) {
            events.addAll(writer.write(json.mapper().readValue(chunk, ChatCompletionChunk.class)));
        }
        events.addAll(writer.finish());
        return events.stream()
                .map(event -> new String(json.write(event), StandardCharsets.UTF_8))
                .toList();
    }

    private static List<String> deltas(List<StreamEvent> events) {
        return events.stream()
                .filter(event -> event.is(StreamEvent.CONTENT_BLOCK_DELTA))
                .map(event -> event.index() + ":" + event.delta().type() + ":"
                        + (event.delta().text() != null
                                ? event.delta().text()
                                : event.delta().partialJson()))
                .toList();
    }
}
