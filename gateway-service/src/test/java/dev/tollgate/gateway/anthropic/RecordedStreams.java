package dev.tollgate.gateway.anthropic;

import dev.tollgate.gateway.testing.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Anthropic event streams as recorded in the conformance transcripts, read event by event. */
final class RecordedStreams {

    static final JsonMapper json = JsonMapper.builder().build();

    private RecordedStreams() {}

    /** The events of the recorded stream of scenario {@code scenario} ({@code stream}, {@code tool-call-stream}). */
    static List<StreamEvent> of(String scenario) {
        Transcript transcript = Transcript.of("anthropic").stream()
                .filter(candidate -> candidate.scenario().equals(scenario))
                .findFirst()
                .orElseThrow();
        return parse(new String(transcript.response().body(), StandardCharsets.UTF_8));
    }

    /** The events of an SSE body: each {@code data:} line read as one event. */
    static List<StreamEvent> parse(String sse) {
        List<StreamEvent> events = new ArrayList<>();
        for (String frame : sse.split("\n\n")) {
            for (String line : frame.split("\n")) {
                if (line.startsWith("data: ")) {
                    events.add(json.readValue(line.substring("data: ".length()), StreamEvent.class));
                }
            }
        }
        return events;
    }
}
