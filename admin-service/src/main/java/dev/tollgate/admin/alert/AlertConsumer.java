package dev.tollgate.admin.alert;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads {@code tollgate:budget:alerts} in the {@code admin-alerts} consumer group and files each entry as a delivery.
 * On start it first re-reads its own unacknowledged entries; each round then takes over entries a dead consumer left
 * idle (XAUTOCLAIM) and waits for new ones. An entry is acknowledged only after its row committed, so a crash between
 * the two re-files it, which the unique alert id makes harmless. Nothing stops the loop: a failed round is logged and
 * the next one starts after a pause.
 */
@Component
class AlertConsumer {

    private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final AlertStream stream;
    private final AlertFiler filer;
    private final AlertProperties properties;
    private @Nullable Disposable loop;

    AlertConsumer(AlertStream stream, AlertFiler filer, AlertProperties properties) {
        this.stream = stream;
        this.filer = filer;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            return;
        }
        loop = stream.ensureGroup()
                .then(Mono.defer(this::drainOwnPending))
                // repeat() resubscribes after each completed round: an endless, strictly sequential loop.
                .thenMany(Mono.defer(this::round).repeat())
                .onErrorResume(this::startFailed)
                .repeat()
                .subscribe();
    }

    /** Re-reads what this consumer had read before a restart, until none is left. */
    private Mono<Void> drainOwnPending() {
        return stream.ownPending(properties.readCount())
                .flatMap(this::fileAll)
                .repeat()
                .takeUntil(filed -> filed == 0)
                .then();
    }

    private Mono<Void> round() {
        return stream.claimIdle(properties.claimIdle().toMillis(), properties.readCount())
                .flatMap(this::fileAll)
                .then(stream.next(
                        properties.readCount(), (int) properties.readBlock().toMillis()))
                .flatMap(this::fileAll)
                .then()
                .onErrorResume(this::roundFailed);
    }

    /** Files entries one at a time, acknowledging each after its row committed; completes with how many there were. */
    private Mono<Integer> fileAll(List<StreamEntry> entries) {
        return Flux.fromIterable(entries).concatMap(this::fileAndAck).then(Mono.just(entries.size()));
    }

    private Mono<Long> fileAndAck(StreamEntry entry) {
        // An entry trimmed from the stream while pending comes back without fields: nothing to file.
        Mono<Boolean> filed = entry.getFields() == null ? Mono.just(false) : filer.file(entry);
        return filed.then(stream.ack(entry.getID()));
    }

    /** Logs, makes the group again in case Redis lost it (NOGROUP), and pauses before the next round. */
    private Mono<Void> roundFailed(Throwable failure) {
        log.warn("Reading budget alerts failed; retrying in {}: {}", PAUSE_AFTER_FAILURE, failure.toString());
        return stream.ensureGroup()
                .onErrorComplete()
                .then(Mono.delay(PAUSE_AFTER_FAILURE))
                .then();
    }

    private Mono<Void> startFailed(Throwable failure) {
        log.warn("Joining the budget alert stream failed; retrying in {}: {}", PAUSE_AFTER_FAILURE, failure.toString());
        return Mono.delay(PAUSE_AFTER_FAILURE).then();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
