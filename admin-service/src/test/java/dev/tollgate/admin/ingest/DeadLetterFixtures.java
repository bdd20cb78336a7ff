package dev.tollgate.admin.ingest;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** Dead-letter entries written the way the usage service writes them: the event's own fields, then why. */
public final class DeadLetterFixtures {

    /** An error text that would run as script if the console ever rendered it unescaped. */
    public static final String HOSTILE_ERROR = "<script>alert(1)</script>";

    private DeadLetterFixtures() {}

    /** A priced gpt-4o-mini request of {@code tenantId}'s key {@code keyId}. */
    public static UsageRecorded event(String tenantId, String keyId) {
        return new UsageRecorded(
                UsageRecorded.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "req-" + UUID.randomUUID(),
                Instant.parse("2026-11-20T10:00:00Z"),
                tenantId,
                keyId,
                null,
                Map.of("team", "search"),
                "gpt-4o-mini",
                null,
                "openai",
                "gpt-4o-mini",
                100,
                20,
                0,
                0,
                0,
                false,
                new BigDecimal("0.000027"),
                "2026-01-01",
                true,
                UsageStatus.SUCCESS,
                200,
                350,
                null,
                false,
                0,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** XADDs {@code event} to {@code stream} as dead-lettered with {@code error}; answers the new entry's id. */
    public static String deadLetter(UnifiedJedis redis, String stream, UsageRecorded event, String error) {
        Map<String, String> fields = new LinkedHashMap<>(event.toFields());
        fields.put("dead_letter.error", error);
        fields.put(
                "dead_letter.original_id",
                "1763632800000-" + Math.abs(event.eventId().hashCode() % 1000));
        fields.put("dead_letter.stream", "tollgate:usage:events");
        fields.put("dead_letter.consumer", "usage-host-1");
        return redis.xadd(stream, StreamEntryID.NEW_ENTRY, fields).toString();
    }
}
