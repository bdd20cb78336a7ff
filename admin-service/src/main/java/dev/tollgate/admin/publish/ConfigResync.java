package dev.tollgate.admin.publish;

import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rewrites everything from Postgres and deletes what Redis holds beyond it, then announces {@code all}. Redis is
 * scanned <em>before</em> Postgres is read, so an entry published between the two is never mistaken for a stale one.
 * A change committed while a resync runs may be overwritten by the older read; the next resync repairs it.
 */
@Component
class ConfigResync {

    private final SnapshotReader snapshots;
    private final ConfigPublisher publisher;
    private final RedisWriter writer;
    private final BlockingRedis redis;

    ConfigResync(SnapshotReader snapshots, ConfigPublisher publisher, RedisWriter writer, BlockingRedis redis) {
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.writer = writer;
        this.redis = redis;
    }

    Mono<ResyncResult> run() {
        return Mono.zip(redis.scan(ConfigKeys.key("*")), redis.scan(ConfigKeys.route("*")))
                .map(found -> union(found.getT1(), found.getT2()))
                .flatMap(this::rewrite);
    }

    private Mono<ResyncResult> rewrite(Set<String> published) {
        ConfigBatch batch = new ConfigBatch();
        batch.replaceRoutes = true;
        return snapshots
                .tenants(null)
                .doOnNext(tenant -> publisher.addTenant(batch, tenant))
                .thenMany(snapshots.keys(null))
                .doOnNext(key -> publisher.addKey(batch, key))
                .thenMany(routes())
                .doOnNext(route -> publisher.routeBatch(batch, route))
                .then(Mono.fromSupplier(() -> finish(batch, published)))
                .flatMap(result -> writer.apply(batch).thenReturn(result));
    }

    private Flux<dev.tollgate.model.route.ModelRoute> routes() {
        return snapshots.routeNames().concatMap(snapshots::route);
    }

    private static ResyncResult finish(ConfigBatch batch, Set<String> published) {
        Set<String> stale = new HashSet<>(published);
        batch.writes.forEach(write -> stale.remove(write.key()));
        stale.forEach(batch::delete);
        // Only the one "all" announcement: gateways drop their whole cache once instead of once per entry.
        batch.changes.clear();
        batch.changed(ConfigChange.ALL, "");
        return new ResyncResult(batch.writes.size(), stale.size());
    }

    private static Set<String> union(List<String> first, List<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * @param written entries written
     * @param deleted stale entries deleted
     */
    record ResyncResult(int written, int deleted) {}
}
