package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ProviderErrors;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one ConverseStream body, an {@code application/vnd.amazon.eventstream}: binary frames of a prelude (total and
 * headers length, prelude CRC32), headers, a JSON payload and a message CRC32. The AWS SDK's decoder checks both
 * checksums and reassembles frames split across network reads (or several in one read); this class turns its messages
 * into events, and exception and error frames into the failures they report. One instance per stream; not
 * thread-safe, which Reactive Streams' one-at-a-time delivery makes unnecessary.
 */
final class BedrockEventStream {

    private final String provider;
    private final JsonMapper json;
    private final MessageDecoder decoder = new MessageDecoder();
    // Bytes received but not yet part of a whole frame: a stream that ends with some was cut inside a frame.
    private long pending;

    BedrockEventStream(String provider, JsonMapper json) {
        this.provider = provider;
        this.json = json;
    }

    /** The events completed by {@code buffer}, which is released. */
    List<StreamEvent> feed(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return feed(bytes);
    }

    /** The events completed by {@code bytes}, in order. */
    List<StreamEvent> feed(byte[] bytes) {
        pending += bytes.length;
        try {
            decoder.feed(bytes);
        } catch (IllegalArgumentException | IllegalStateException corrupt) {
            // Checksum mismatches and impossible lengths: the stream cannot be trusted from here on.
            throw ProviderErrors.invalidResponse(
                    provider, "a corrupt event stream frame (" + corrupt.getMessage() + ")", corrupt);
        }
        List<StreamEvent> events = new ArrayList<>();
        for (Message message : decoder.getDecodedMessages()) {
            pending -= frameLength(message);
            events.add(event(message));
        }
        return events;
    }

    /** Nothing when the body ended between frames; an error when it ended inside one. */
    <T> Mono<T> ending() {
        return pending == 0 ? Mono.empty() : Mono.error(ProviderErrors.streamCut(provider));
    }

    // Prelude (12 bytes), headers, payload and message CRC (4 bytes).
    private static long frameLength(Message message) {
        return 16L + Message.encodeHeaders(message.getHeaders().entrySet()).length + message.getPayload().length;
    }

    private StreamEvent event(Message message) {
        String kind = header(message, ":message-type");
        if ("exception".equals(kind)) {
            throw BedrockErrors.fromException(
                    provider, String.valueOf(header(message, ":exception-type")), message.getPayload());
        }
        if (!"event".equals(kind)) {
            throw errorFrame(message);
        }
        String type = header(message, ":event-type");
        if (type == null) {
            throw ProviderErrors.invalidResponse(provider, "an event stream frame without :event-type", null);
        }
        return new StreamEvent(type, payload(message));
    }

    private StreamEvent.Payload payload(Message message) {
        try {
            return json.readValue(message.getPayload(), StreamEvent.Payload.class);
        } catch (JacksonException malformed) {
            throw ProviderErrors.invalidResponse(provider, "malformed JSON in an event", malformed);
        }
    }

    // ":message-type: error" carries :error-code and :error-message headers instead of a payload.
    private GatewayException errorFrame(Message message) {
        String code = header(message, ":error-code");
        String detail = header(message, ":error-message");
        return ProviderErrors.errorEvent(
                provider,
                json.createObjectNode()
                        .put("message", (code == null ? "error" : code) + (detail == null ? "" : ": " + detail)));
    }

    private static @Nullable String header(Message message, String name) {
        HeaderValue value = message.getHeaders().get(name);
        return value == null ? null : value.getString();
    }
}
