package dev.tollgate.admin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.publish.StreamTail;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterTests {

    @Test
    void readsTheEventsFieldsAndWhyItWasDeadLettered() {
        StreamTail.Entry entry = new StreamTail.Entry(
                "1763632800123-4",
                Map.of(
                        "event_id", "e-1",
                        "tenant_id", "t-1",
                        "key_id", "k-1",
                        "requested_model", "gpt-4o-mini",
                        "dead_letter.error", "usage event field timestamp is malformed: x",
                        "dead_letter.original_id", "1763632700000-0",
                        "dead_letter.consumer", "usage-host-1"));

        DeadLetter letter = DeadLetter.of(entry);

        assertThat(letter)
                .isEqualTo(new DeadLetter(
                        "1763632800123-4",
                        "e-1",
                        "t-1",
                        "k-1",
                        "gpt-4o-mini",
                        "usage event field timestamp is malformed: x",
                        "1763632700000-0",
                        "usage-host-1"));
        assertThat(letter.time()).isEqualTo(Instant.ofEpochMilli(1763632800123L));
    }

    @Test
    void leavesOutWhatAMalformedEventLacks() {
        DeadLetter letter = DeadLetter.of(new StreamTail.Entry("5-0", Map.of("dead_letter.error", "no fields")));

        assertThat(letter.eventId()).isNull();
        assertThat(letter.tenantId()).isNull();
        assertThat(letter.requestedModel()).isNull();
        assertThat(letter.error()).isEqualTo("no fields");
    }
}
