package dev.tollgate.usage.ingest;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.usage.ledger.UsageLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Turns one read of stream entries into ledger rows. An entry is acknowledged only once its row is committed (or was
 * already there), or once it sits in the dead-letter stream. An unreadable entry is dead-lettered at once; one the
 * database refuses stays pending, to be reclaimed and retried, and is dead-lettered once delivered more than
 * {@code maxDeliveries} times.
 */
class EntryIngester {

    private static final Logger log = LoggerFactory.getLogger(EntryIngester.class);

    private final UsageStream stream;
    private final UsageLedger ledger;
    private final int maxDeliveries;
    private final Counter inserted;
    private final Counter duplicate;
    private final Counter deadLettered;

    EntryIngester(UsageStream stream, UsageLedger ledger, int maxDeliveries, MeterRegistry meters) {
        this.stream = stream;
        this.ledger = ledger;
        this.maxDeliveries = maxDeliveries;
        this.inserted = ingested(meters, "inserted");
        this.duplicate = ingested(meters, "duplicate");
        this.deadLettered = ingested(meters, "dead_lettered");
    }

    /** Ingests entries read as new: each has been delivered once. */
    void ingest(List<StreamEntry> entries) {
        ingest(entries, Map.of());
    }

    /** Ingests entries delivered {@code deliveries} times (once when absent). */
    void ingest(List<StreamEntry> entries, Map<StreamEntryID, Long> deliveries) {
        List<Parsed> parsed = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            try {
                UsageRecorded event = UsageEvents.parse(entry.getFields());
                parsed.add(new Parsed(entry, event, deliveries.getOrDefault(entry.getID(), 1L)));
            } catch (IllegalArgumentException unreadable) {
                deadLetter(entry, String.valueOf(unreadable.getMessage()));
            }
        }
        write(parsed);
    }

    private void write(List<Parsed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            int added = ledger.append(batch.stream().map(Parsed::event).toList());
            stream.ack(batch.stream().map(parsed -> parsed.entry().getID()).toList()); // after the commit only
            inserted.increment(added);
            duplicate.increment(batch.size() - added);
        } catch (DataIntegrityViolationException refused) {
            if (batch.size() == 1) {
                refusedAlone(batch.getFirst(), refused);
            } else {
                // One event the database refuses must not hold back the rest of its batch: each is tried alone.
                log.warn("Usage batch of {} refused by the ledger; writing its entries one by one", batch.size());
                batch.forEach(one -> write(List.of(one)));
            }
        }
        // Any other failure (database down) propagates: the whole batch stays pending and counts toward no limit.
    }

    // Only a refusal counts toward maxDeliveries, so a long database outage never dead-letters anything.
    private void refusedAlone(Parsed parsed, DataIntegrityViolationException refused) {
        if (parsed.deliveries() > maxDeliveries) {
            deadLetter(
                    parsed.entry(),
                    "refused by the ledger after " + parsed.deliveries() + " deliveries: "
                            + refused.getMostSpecificCause().getMessage());
        } else {
            log.warn(
                    "Usage entry {} refused by the ledger; left pending for a retry",
                    parsed.entry().getID(),
                    refused);
        }
    }

    private void deadLetter(StreamEntry entry, String error) {
        log.warn("Usage entry {} dead-lettered: {}", entry.getID(), error);
        stream.deadLetter(entry, error);
        deadLettered.increment();
    }

    private static Counter ingested(MeterRegistry meters, String outcome) {
        return Counter.builder("tollgate.usage.ingested")
                .description("Usage stream entries taken off the stream, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }

    private record Parsed(StreamEntry entry, UsageRecorded event, long deliveries) {}
}
