package dev.tollgate.usage.ingest;

import dev.tollgate.model.usage.UsageRecorded;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads a stream entry as an event the ledger can store, or says why it cannot. */
final class UsageEvents {

    private UsageEvents() {}

    /**
     * @throws IllegalArgumentException when the entry is gone (deleted from the stream while pending), is not a
     *     {@link UsageRecorded}, or breaks what the ledger requires
     */
    static UsageRecorded parse(@Nullable Map<String, String> fields) {
        if (fields == null) {
            throw new IllegalArgumentException("entry no longer in the stream");
        }
        UsageRecorded event = UsageRecorded.fromFields(fields);
        // The ledger keys and joins on these as uuid; a malformed one would fail its whole batch in the database.
        uuid("event_id", event.eventId());
        uuid("tenant_id", event.tenantId());
        uuid("key_id", event.keyId());
        if (event.priced() != (event.costUsd() != null)) {
            throw new IllegalArgumentException("usage event cost_usd must be present exactly when priced");
        }
        return event;
    }

    private static void uuid(String field, String value) {
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("usage event field " + field + " is not a UUID: " + value, malformed);
        }
    }
}
