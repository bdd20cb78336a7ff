package dev.tollgate.gateway.provider.bedrock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Builds {@code application/vnd.amazon.eventstream} frames the way Bedrock sends them, with the AWS SDK's encoder
 * (prelude with lengths and CRC32, string headers in Bedrock's order, payload, message CRC32).
 * {@code BedrockEventStreamTests} proves the encoder reproduces recorded Bedrock frames byte for byte.
 */
final class EventStreamFrames {

    private EventStreamFrames() {}

    /** An event frame: {@code :event-type}, {@code :content-type: application/json}, {@code :message-type: event}. */
    static byte[] event(String type, String payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return frame(headers, payload);
    }

    /** An exception frame, such as {@code throttlingException}, as ConverseStream sends one mid-stream. */
    static byte[] exception(String type, String payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":exception-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("exception"));
        return frame(headers, payload);
    }

    /** The frames one after another, as one body. */
    static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            body.writeBytes(frame);
        }
        return body.toByteArray();
    }

    /** A frame with any headers. */
    static byte[] frame(Map<String, HeaderValue> headers, String payload) {
        ByteBuffer encoded = new Message(headers, payload.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    /** The body of a recorded Bedrock answer in the conformance transcripts: the bytes after its header block. */
    static byte[] recordedBody(String scenario) {
        try {
            byte[] file = Files.readAllBytes(
                    Path.of("src/test/resources/transcripts/bedrock", scenario, "upstream-response.http"));
            for (int i = 0; i + 1 < file.length; i++) {
                if (file[i] == '\n' && file[i + 1] == '\n') {
                    return Arrays.copyOfRange(file, i + 2, file.length);
                }
            }
            throw new IllegalStateException("no header block in " + scenario);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A stream that says {@code text} and ends normally, with usage. */
    static byte[] textStream(String... texts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(event("messageStart", "{\"role\":\"assistant\"}"));
        for (String text : texts) {
            body.writeBytes(
                    event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + text + "\"}}"));
        }
        body.writeBytes(event("contentBlockStop", "{\"contentBlockIndex\":0}"));
        body.writeBytes(event("messageStop", "{\"stopReason\":\"end_turn\"}"));
        body.writeBytes(event("metadata", "{\"usage\":{\"inputTokens\":3,\"outputTokens\":2,\"totalTokens\":5}}"));
        return body.toByteArray();
    }
}
