package dev.tollgate.usage.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the usage event stream is consumed, bound from {@code tollgate.usage.ingest}.
 *
 * @param enabled whether the consumer thread runs at all
 * @param stream the stream the gateway appends to ({@code UsageKeys.EVENTS_STREAM})
 * @param group the consumer group; every usage-service instance joins the same one and they share the stream
 * @param consumer this instance's name in the group; blank means {@code <hostname>-<pid>}. A stable name (a pod name
 *     in a stateful set) lets a restarted instance pick up its own pending entries at once instead of after
 *     {@code claimMinIdle}
 * @param deadLetterStream where entries that cannot be written go, with the error and their original id
 * @param batchSize the {@code COUNT} of one read, and so the most events in one ledger transaction
 * @param block how long one read waits for new entries; also bounds how long stopping takes
 * @param claimInterval how often entries idle in the group are reclaimed with {@code XAUTOCLAIM}
 * @param claimMinIdle how long an entry must sit unacknowledged before it is reclaimed from its consumer: longer than
 *     any batch takes to write, or a slow but live consumer loses its entries and both write them (harmless, but
 *     wasted)
 * @param maxDeliveries deliveries after which an entry that still could not be written is dead-lettered
 * @param retryBackoff pause after Redis or the database failed, before the next attempt
 */
@ConfigurationProperties("tollgate.usage.ingest")
record IngestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("tollgate:usage:events") String stream,
        @DefaultValue("usage-service") String group,
        @DefaultValue("") String consumer,
        @DefaultValue("tollgate:usage:dead-letter") String deadLetterStream,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2s") Duration block,
        @DefaultValue("30s") Duration claimInterval,
        @DefaultValue("1m") Duration claimMinIdle,
        @DefaultValue("5") int maxDeliveries,
        @DefaultValue("1s") Duration retryBackoff) {

    IngestProperties {
        if (batchSize < 1 || maxDeliveries < 1) {
            throw new IllegalArgumentException(
                    "tollgate.usage.ingest.batch-size and max-deliveries must be at least 1");
        }
    }
}
