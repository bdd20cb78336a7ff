package dev.tollgate.gateway.usage;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code replay-interval}, offers spooled events to Redis again, oldest first, and marks them replayed only
 * after their {@code XADD} succeeded. A replay sends the event as it was spooled, {@code event_id} included, so it
 * never becomes a second event; a crash after an {@code XADD} but before the mark resends it, and readers deduplicate
 * by {@code event_id}.
 */
@Component
class SpoolReplayer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);

    private final UsageSpool spool;
    private final UsagePublisher publisher;
    private final UsageMetrics metrics;
    private final UsageProperties properties;
    private volatile @Nullable Disposable running;

    SpoolReplayer(UsageSpool spool, UsagePublisher publisher, UsageMetrics metrics, UsageProperties properties) {
        this.spool = spool;
        this.publisher = publisher;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public void start() {
        // onBackpressureDrop: a tick that comes while a replay is still running is skipped, not queued.
        running = Flux.interval(properties.replayInterval())
                .onBackpressureDrop()
                .concatMap(tick -> replayOnce(), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable replaying = running;
        running = null;
        if (replaying != null) {
            replaying.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /**
     * One pass: the oldest batch, re-sent in order, marked replayed when all of it went through. A batch that fails
     * midway is sent again whole next time; its first part then arrives twice, with the same event ids.
     */
    Mono<Long> replayOnce() {
        if (spool.pendingBytes() == 0) {
            return Mono.just(0L);
        }
        return spool.oldest(properties.replayBatch()).flatMap(this::resend).onErrorResume(failure -> failed(failure));
    }

    private Mono<Long> resend(UsageSpool.Batch batch) {
        return Flux.fromIterable(batch.events()).concatMap(this::sent).count().flatMap(sent -> marked(batch, sent));
    }

    private Mono<Map<String, String>> sent(Map<String, String> fields) {
        return publisher.append(fields).thenReturn(fields);
    }

    private Mono<Long> marked(UsageSpool.Batch batch, long sent) {
        metrics.replayed(sent);
        log.info("replayed {} spooled usage events", sent);
        return spool.replayed(batch).thenReturn(sent);
    }

    private Mono<Long> failed(Throwable failure) {
        log.debug("usage spool replay deferred: {}", failure.toString());
        return Mono.just(0L);
    }
}
