package dev.tollgate.gateway.chat;

import dev.tollgate.model.openai.ErrorResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Writes server-sent events byte for byte the way OpenAI does ({@code data: <json>} and a blank line), since some
 * clients match the literal {@code "data: "} prefix instead of parsing SSE.
 */
@Component
public final class SseEvents {

    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OpenAiJson json;

    SseEvents(OpenAiJson json) {
        this.json = json;
    }

    /** One {@code data:} event holding {@code payload} as JSON. */
    public byte[] data(Object payload) {
        byte[] body = json.write(payload);
        byte[] event = new byte[PREFIX.length + body.length + SUFFIX.length];
        System.arraycopy(PREFIX, 0, event, 0, PREFIX.length);
        System.arraycopy(body, 0, event, PREFIX.length, body.length);
        System.arraycopy(SUFFIX, 0, event, PREFIX.length + body.length, SUFFIX.length);
        return event;
    }

    /** The error event sent when a stream fails after its first byte, when the status can no longer change. */
    public byte[] error(ErrorResponse error) {
        return data(error);
    }

    /** The one terminator of every successful stream. */
    public byte[] done() {
        return DONE.clone();
    }
}
