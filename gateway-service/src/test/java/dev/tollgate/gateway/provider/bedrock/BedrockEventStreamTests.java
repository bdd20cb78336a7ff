package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;
import tools.jackson.databind.json.JsonMapper;

class BedrockEventStreamTests {

    static final JsonMapper json = JsonMapper.builder().build();

    final BedrockEventStream stream = new BedrockEventStream("bedrock", json);

    @Test
    void framesSplitAcrossReadsAreReassembledWhatEverTheCut() {
        byte[] body = EventStreamFrames.textStream("Hel", "lo");
        List<StreamEvent> events = new ArrayList<>();

        for (byte b : body) {
            events.addAll(stream.feed(new byte[] {b}));
        }

        assertThat(events)
                .extracting(StreamEvent::type)
                .containsExactly(
                        "messageStart",
                        "contentBlockDelta",
                        "contentBlockDelta",
                        "contentBlockStop",
                        "messageStop",
                        "metadata");
        assertThat(events.get(2).payload().delta().text()).isEqualTo("lo");
        assertThat(events.get(5).payload().usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void severalFramesInOneReadAllComeOutInOrder() {
        List<StreamEvent> events = stream.feed(EventStreamFrames.textStream("a", "b", "c"));

        assertThat(events).hasSize(7);
        assertThat(events.get(5).payload().stopReason()).isEqualTo("end_turn");
    }

    @Test
    void aFrameWithABadMessageChecksumIsACorruptStream() {
        byte[] frame = EventStreamFrames.event("contentBlockDelta", "{\"delta\":{\"text\":\"hi\"}}");
        frame[frame.length - 10] ^= 0x01; // one payload bit flipped in transit

        assertThatThrownBy(() -> stream.feed(frame)).isInstanceOfSatisfying(GatewayException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_INVALID_RESPONSE);
            assertThat(failure.getMessage()).contains("corrupt event stream frame", "checksum");
        });
    }

    @Test
    void aFrameWithABadPreludeChecksumIsACorruptStream() {
        byte[] frame = EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}");
        frame[2] ^= 0x01; // the total length no longer matches its prelude CRC

        assertThatThrownBy(() -> stream.feed(frame))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_INVALID_RESPONSE));
    }

    @Test
    void aThrottlingExceptionFrameIsARateLimit() {
        byte[] frame = EventStreamFrames.exception(
                "throttlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}");

        assertThatThrownBy(() -> stream.feed(frame)).isInstanceOfSatisfying(GatewayException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
            assertThat(failure.getMessage()).contains("Too many requests");
        });
    }

    @Test
    void aModelStreamErrorExceptionFrameIsAnUnavailableProvider() {
        byte[] frame = EventStreamFrames.exception(
                "modelStreamErrorException", "{\"message\":\"Model produced invalid sequence as part of ToolUse.\"}");

        assertThatThrownBy(() -> stream.feed(frame))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE));
    }

    @Test
    void anErrorFrameIsAnErrorEventNamingItsCode() {
        byte[] frame = EventStreamFrames.frame(
                Map.of(
                        ":message-type",
                        HeaderValue.fromString("error"),
                        ":error-code",
                        HeaderValue.fromString("InternalFailure"),
                        ":error-message",
                        HeaderValue.fromString("An internal error occurred")),
                "");

        assertThatThrownBy(() -> stream.feed(frame)).isInstanceOfSatisfying(GatewayException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
            assertThat(failure.getMessage()).contains("InternalFailure", "An internal error occurred");
        });
    }

    @Test
    void anEventWhosePayloadIsNotJsonIsAnInvalidResponse() {
        assertThatThrownBy(() -> stream.feed(EventStreamFrames.event("messageStop", "<html>")))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.UPSTREAM_INVALID_RESPONSE));
    }

    /** The recorded ConverseStream of the conformance suite decodes, and re-encodes to the very same bytes. */
    @Test
    void theTestEncoderReproducesRecordedBedrockFramesByteForByte() throws Exception {
        byte[] body = EventStreamFrames.recordedBody("tool-call-stream");
        List<byte[]> reencoded = new ArrayList<>();

        for (Message message : new MessageDecoder().feed(ByteBuffer.wrap(body)).getDecodedMessages()) {
            reencoded.add(EventStreamFrames.frame(
                    message.getHeaders(), new String(message.getPayload(), StandardCharsets.UTF_8)));
        }

        assertThat(EventStreamFrames.concat(reencoded.toArray(byte[][]::new))).isEqualTo(body);
        assertThat(stream.feed(body)).hasSize(49);
    }
}
