package dev.tollgate.gateway.cache.semantic;

import dev.tollgate.gateway.cache.semantic.VectorBuckets.Match;
import dev.tollgate.gateway.redis.BlockingRedis.StreamRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The in-process index ({@link VectorBuckets}) over entries persisted in Redis ({@link SemanticEntries}). At start it
 * notes where the log of added entries ends, then loads every stored entry (up to its bound) in pages; from then on
 * it reads the log every {@code sync-interval} and loads what other instances added, so a restarted or a new instance
 * rebuilds its index and all instances converge within about a second. Searches and changes run on the embedding
 * scheduler. Fails open: a Redis failure while loading or following is logged and retried on the next tick.
 */
final class LocalSemanticIndex implements SemanticIndex, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSemanticIndex.class);
    private static final int PAGE = 500;

    private final VectorBuckets buckets;
    private final SemanticEntries entries;
    private final Scheduler scheduler;
    private final SemanticProperties properties;
    private volatile String followedTo = "";
    private volatile long sweptAt = System.currentTimeMillis();
    private volatile Disposable following = () -> {};

    LocalSemanticIndex(SemanticEntries entries, Scheduler scheduler, SemanticProperties properties) {
        this.buckets = new VectorBuckets(properties.maxEntries());
        this.entries = entries;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public Mono<Match> nearest(SemanticPlan plan, float[] vector) {
        String bucket = SemanticEntry.bucket(plan.tenantId(), plan.routeTag(), plan.scope());
        return Mono.fromCallable(() -> buckets.nearest(bucket, vector, plan.threshold(), System.currentTimeMillis()))
                .subscribeOn(scheduler);
    }

    @Override
    public Mono<Void> add(SemanticEntry entry, Duration ttl) {
        return entries.write(entry, ttl).publishOn(scheduler).then(Mono.fromRunnable(() -> held(entry)));
    }

    @Override
    public void forget(String entryKey) {
        buckets.forget(entryKey);
    }

    @Override
    public void purge(String tenantId) {
        buckets.purge(bucket -> bucket.startsWith(tenantId + '\n'));
    }

    @Override
    public void purgeRoute(String routeTag) {
        buckets.purge(bucket -> bucket.split("\n", 3)[1].equals(routeTag));
    }

    /** How many entries this instance holds. */
    int size() {
        return buckets.size();
    }

    /** Rebuilds the index from Redis, then follows the log until closed. */
    void start() {
        following = rebuilt().thenMany(followed()).subscribe();
    }

    @Override
    public void close() {
        following.dispose();
    }

    // The log's end is read first: an entry added while the others load is then read again, never missed.
    Mono<Void> rebuilt() {
        return entries.lastLogged()
                .doOnNext(id -> followedTo = id)
                .then(entries.keys(properties.maxEntries()))
                .flatMapMany(keys -> Flux.fromIterable(keys).buffer(PAGE))
                .concatMap(entries::read)
                .publishOn(scheduler)
                .doOnNext(this::held)
                .then()
                .doOnSuccess(done -> log.info("semantic cache index rebuilt: {} entries", buckets.size()))
                .onErrorResume(this::rebuildFailed);
    }

    private Flux<Void> followed() {
        return Flux.interval(properties.syncInterval(), scheduler).concatMap(tick -> followOnce(), 1);
    }

    Mono<Void> followOnce() {
        sweepNow();
        String from = followedTo.isEmpty() ? "0-0" : followedTo;
        return entries.loggedAfter(from, PAGE).flatMap(this::loadLogged).onErrorResume(failure -> {
            log.debug("semantic cache log not read: {}", failure.toString());
            return Mono.empty();
        });
    }

    private Mono<Void> loadLogged(List<StreamRecord> logged) {
        if (logged.isEmpty()) {
            return Mono.empty();
        }
        List<String> unseen = logged.stream()
                .map(record -> record.fields().get("key"))
                .filter(Objects::nonNull)
                .filter(key -> !buckets.contains(key))
                .distinct()
                .toList();
        String last = logged.getLast().id();
        return entries.read(unseen)
                .publishOn(scheduler)
                .doOnNext(this::held)
                .then(Mono.fromRunnable(() -> followedTo = last));
    }

    private void held(List<SemanticEntry> loaded) {
        loaded.forEach(this::held);
    }

    private void held(SemanticEntry entry) {
        long now = System.currentTimeMillis();
        if (entry.expiresAtMillis() > now) {
            buckets.add(
                    entry.bucket(), entry.entryKey(), entry.answerKey(), entry.vector(), entry.expiresAtMillis(), now);
        }
    }

    private void sweepNow() {
        long now = System.currentTimeMillis();
        if (now - sweptAt > 60_000) {
            sweptAt = now;
            buckets.sweep(now);
        }
    }

    private Mono<Void> rebuildFailed(Throwable failure) {
        log.warn("semantic cache index not rebuilt from Redis, starting empty: {}", failure.toString());
        return Mono.empty();
    }
}
