package dev.tollgate.usage.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The usage event stream as this instance's consumer sees it: the only type in the service that calls Jedis. Every
 * method blocks its caller; the consumer thread calls them, and metric scrapes call {@link #lag} and
 * {@link #pending} on a pooled connection of their own.
 *
 * <p>Nothing here trims the stream: an entry leaves only through {@code XACK}, and the stream itself is never cut, so
 * an unacknowledged entry cannot be lost. Trimming acknowledged history ({@code XTRIM MINID} below the group's oldest
 * pending id) is left for a later slice.
 */
class UsageStream {

    private static final StreamEntryID FIRST = new StreamEntryID(0, 0);

    private final UnifiedJedis jedis;
    private final IngestProperties properties;
    private final String consumer;

    UsageStream(UnifiedJedis jedis, IngestProperties properties, String consumer) {
        this.jedis = jedis;
        this.properties = properties;
        this.consumer = consumer;
    }

    String consumer() {
        return consumer;
    }

    /** Creates the group reading from the stream's start (and the stream, if missing) unless it exists. */
    void ensureGroup() {
        try {
            jedis.xgroupCreate(properties.stream(), properties.group(), FIRST, true);
        } catch (JedisDataException exists) {
            if (!String.valueOf(exists.getMessage()).startsWith("BUSYGROUP")) {
                throw exists;
            }
        }
    }

    /** Entries already delivered to this consumer and not acknowledged, after {@code after}, without blocking. */
    List<StreamEntry> readOwnPending(StreamEntryID after) {
        return read(after, XReadGroupParams.xReadGroupParams().count(properties.batchSize()));
    }

    /** Entries never delivered to the group, waiting up to {@code block} for some to arrive. */
    List<StreamEntry> readNew() {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams()
                .count(properties.batchSize())
                .block((int) properties.block().toMillis());
        return read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, params);
    }

    /**
     * Takes over up to one batch of entries idle longer than {@code claimMinIdle}, from any consumer of the group
     * (this one included, for entries whose write failed), starting at {@code cursor}.
     */
    Map.Entry<StreamEntryID, List<StreamEntry>> claimIdle(StreamEntryID cursor) {
        XAutoClaimParams params = new XAutoClaimParams().count(properties.batchSize());
        return jedis.xautoclaim(
                properties.stream(),
                properties.group(),
                consumer,
                properties.claimMinIdle().toMillis(),
                cursor,
                params);
    }

    /** How many times each of {@code entries} (all owned by this consumer) has been delivered. */
    Map<StreamEntryID, Long> deliveries(List<StreamEntry> entries) {
        Map<StreamEntryID, Long> deliveries = new HashMap<>();
        if (entries.isEmpty()) {
            return deliveries;
        }
        XPendingParams range = XPendingParams.xPendingParams(
                        entries.getFirst().getID(), entries.getLast().getID(), entries.size())
                .consumer(consumer);
        for (StreamPendingEntry pending : jedis.xpending(properties.stream(), properties.group(), range)) {
            deliveries.put(pending.getID(), pending.getDeliveredTimes());
        }
        return deliveries;
    }

    void ack(List<StreamEntryID> ids) {
        if (!ids.isEmpty()) {
            jedis.xack(properties.stream(), properties.group(), ids.toArray(StreamEntryID[]::new));
        }
    }

    /** Copies {@code entry} to the dead-letter stream with why, then acknowledges it: in that order, so never lost. */
    void deadLetter(StreamEntry entry, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (entry.getFields() != null) {
            fields.putAll(entry.getFields());
        }
        fields.put("dead_letter.error", error);
        fields.put("dead_letter.original_id", entry.getID().toString());
        fields.put("dead_letter.stream", properties.stream());
        fields.put("dead_letter.consumer", consumer);
        jedis.xadd(properties.deadLetterStream(), StreamEntryID.NEW_ENTRY, fields);
        ack(List.of(entry.getID()));
    }

    /** Entries not yet delivered to the group (Redis 7's {@code lag}); NaN when unknown. */
    double lag() {
        StreamGroupInfo info = groupInfo();
        Object lag = info == null ? null : info.getGroupInfo().get("lag");
        return lag instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** Entries delivered and not acknowledged, across the group; NaN when unknown. */
    double pending() {
        StreamGroupInfo info = groupInfo();
        return info == null ? Double.NaN : info.getPending();
    }

    private @Nullable StreamGroupInfo groupInfo() {
        try {
            return jedis.xinfoGroups(properties.stream()).stream()
                    .filter(group -> group.getName().equals(properties.group()))
                    .findFirst()
                    .orElse(null);
        } catch (RuntimeException unavailable) {
            return null; // a scrape must not fail because Redis is down; the gauge shows NaN
        }
    }

    private List<StreamEntry> read(StreamEntryID from, XReadGroupParams params) {
        List<Map.Entry<String, List<StreamEntry>>> streams =
                jedis.xreadGroup(properties.group(), consumer, params, Map.of(properties.stream(), from));
        return streams == null || streams.isEmpty()
                ? List.of()
                : streams.getFirst().getValue();
    }
}
