package dev.tollgate.admin.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.admin.publish.StreamTail;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One dead-lettered usage event. The event's fields are optional because an event is often dead-lettered precisely
 * for being malformed or incomplete.
 *
 * @param id the dead-letter stream's id for the entry
 * @param eventId the event's {@code event_id}
 * @param tenantId the event's {@code tenant_id}
 * @param keyId the event's {@code key_id}
 * @param requestedModel the event's {@code requested_model}
 * @param error why the usage service could not write it
 * @param originalId the event's id in the usage event stream
 * @param consumer the usage-service instance that gave up on it
 */
public record DeadLetter(
        String id,
        @JsonProperty("event_id") @Nullable String eventId,
        @JsonProperty("tenant_id") @Nullable String tenantId,
        @JsonProperty("key_id") @Nullable String keyId,
        @JsonProperty("requested_model") @Nullable String requestedModel,
        @Nullable String error,
        @JsonProperty("original_id") @Nullable String originalId,
        @Nullable String consumer) {

    static DeadLetter of(StreamTail.Entry entry) {
        Map<String, String> fields = entry.fields();
        return new DeadLetter(
                entry.id(),
                fields.get("event_id"),
                fields.get("tenant_id"),
                fields.get("key_id"),
                fields.get("requested_model"),
                fields.get("dead_letter.error"),
                fields.get("dead_letter.original_id"),
                fields.get("dead_letter.consumer"));
    }

    /** When it was dead-lettered: a stream id starts with the milliseconds Redis added it at. */
    @JsonIgnore
    public Instant time() {
        int dash = id.indexOf('-');
        return Instant.ofEpochMilli(Long.parseLong(dash < 0 ? id : id.substring(0, dash)));
    }
}
