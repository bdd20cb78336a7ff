package dev.tollgate.admin.publish;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Resyncs once the service is ready (after start-up seeding) and then every {@code resync-interval}. */
@Component
class ResyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(ResyncScheduler.class);

    private final ConfigResync resync;
    private final KeyLastUseSync lastUses;
    private final PublishProperties properties;
    private @Nullable Disposable schedule;

    ResyncScheduler(ConfigResync resync, KeyLastUseSync lastUses, PublishProperties properties) {
        this.resync = resync;
        this.lastUses = lastUses;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // A tick that arrives while the previous resync still runs is dropped rather than queued.
        schedule = Flux.interval(java.time.Duration.ZERO, properties.resyncInterval())
                .onBackpressureDrop()
                .concatMap(tick -> resyncQuietly().then(syncLastUsesQuietly()), 1)
                .subscribe();
    }

    private Mono<Void> resyncQuietly() {
        return resync.run()
                .doOnNext(result ->
                        log.debug("Resync wrote {} and deleted {} entries", result.written(), result.deleted()))
                .onErrorResume(failure -> {
                    log.warn(
                            "Resync to Redis failed; retrying in {}: {}",
                            properties.resyncInterval(),
                            failure.toString());
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> syncLastUsesQuietly() {
        return lastUses.run()
                .doOnNext(moved -> log.debug("Moved the last use of {} keys forward", moved))
                .onErrorResume(this::lastUsesFailed)
                .then();
    }

    private Mono<Long> lastUsesFailed(Throwable failure) {
        log.warn(
                "Copying the keys' last use from Redis failed; retrying in {}: {}",
                properties.resyncInterval(),
                failure.toString());
        return Mono.empty();
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
