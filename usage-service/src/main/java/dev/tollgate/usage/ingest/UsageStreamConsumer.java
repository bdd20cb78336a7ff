package dev.tollgate.usage.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The one thread that consumes the usage stream. On start it joins the group (creating it if needed), takes back
 * its own pending entries, then reads new ones with a blocking {@code XREADGROUP}, and every {@code claimInterval}
 * reclaims entries left idle by dead consumers (or by its own failed writes) with {@code XAUTOCLAIM}.
 *
 * <p>Plain blocking code on a platform thread, by design (STYLE §8): one thread, one batch at a time, so a batch is
 * acknowledged strictly after its transaction committed and nothing needs coordinating.
 */
class UsageStreamConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageStreamConsumer.class);
    private static final StreamEntryID FIRST = new StreamEntryID(0, 0);

    private final UsageStream stream;
    private final EntryIngester ingester;
    private final IngestProperties properties;

    private volatile boolean running;
    private @Nullable Thread thread;

    UsageStreamConsumer(UsageStream stream, EntryIngester ingester, IngestProperties properties) {
        this.stream = stream;
        this.ingester = ingester;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("usage-ingest").daemon(true).start(this::consume);
        log.info("Consuming {} as {} in group {}", properties.stream(), stream.consumer(), properties.group());
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread consuming = thread;
        if (consuming != null) {
            join(consuming, properties.block().plusSeconds(10));
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private void consume() {
        boolean joined = false;
        long nextClaim = System.nanoTime(); // nanoTime may be negative: compare by difference only
        while (running) {
            try {
                if (!joined) {
                    stream.ensureGroup();
                    takeBackOwnPending();
                    joined = true;
                }
                if (System.nanoTime() - nextClaim >= 0) {
                    reclaimIdle();
                    nextClaim = System.nanoTime() + properties.claimInterval().toNanos();
                }
                ingester.ingest(stream.readNew());
            } catch (JedisDataException noGroup) {
                // NOGROUP: the stream or group was deleted under us; join again.
                joined = !String.valueOf(noGroup.getMessage()).startsWith("NOGROUP");
                pauseAfter(noGroup);
            } catch (RuntimeException failed) {
                pauseAfter(failed);
            }
        }
    }

    // Entries this consumer (by name) read before a restart and never acknowledged.
    private void takeBackOwnPending() {
        StreamEntryID after = FIRST;
        List<StreamEntry> entries;
        while (running && !(entries = stream.readOwnPending(after)).isEmpty()) {
            ingestRedelivered(entries);
            after = entries.getLast().getID();
        }
    }

    private void reclaimIdle() {
        StreamEntryID cursor = FIRST;
        do {
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = stream.claimIdle(cursor);
            ingestRedelivered(claimed.getValue());
            cursor = claimed.getKey();
        } while (running && !FIRST.equals(cursor));
    }

    private void ingestRedelivered(List<StreamEntry> entries) {
        ingester.ingest(entries, stream.deliveries(entries));
    }

    private void pauseAfter(RuntimeException failure) {
        log.warn("Usage ingest failed; retrying in {}", properties.retryBackoff(), failure);
        try {
            Thread.sleep(properties.retryBackoff());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void join(Thread consuming, Duration timeout) {
        try {
            if (!consuming.join(timeout)) {
                log.warn("Usage ingest thread did not stop within {}; its batch stays pending", timeout);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
