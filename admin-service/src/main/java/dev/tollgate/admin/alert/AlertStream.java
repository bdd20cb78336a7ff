package dev.tollgate.admin.alert;

import dev.tollgate.model.budget.BudgetKeys;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The alert package's one Jedis user: the {@value #GROUP} consumer group on {@link BudgetKeys#ALERTS_STREAM}. It has
 * its own small connection pool rather than sharing the publisher's, because XREADGROUP BLOCK holds a connection for
 * the whole wait. Every command runs on a bounded scheduler reserved for it, never on a Netty event loop.
 */
final class AlertStream implements AutoCloseable {

    static final String GROUP = "admin-alerts";

    private final UnifiedJedis jedis;
    private final Scheduler scheduler;
    private final String consumer;

    AlertStream(UnifiedJedis jedis, Scheduler scheduler, String consumer) {
        this.jedis = jedis;
        this.scheduler = scheduler;
        this.consumer = consumer;
    }

    /**
     * Makes the group (and the stream) unless it exists. A new group starts at the stream's beginning, so alerts
     * written before the first admin instance ever started are delivered too; the delivery table deduplicates.
     */
    Mono<Void> ensureGroup() {
        return call(redis -> {
                    try {
                        return redis.xgroupCreate(BudgetKeys.ALERTS_STREAM, GROUP, new StreamEntryID(), true);
                    } catch (JedisDataException exists) {
                        if (String.valueOf(exists.getMessage()).startsWith("BUSYGROUP")) {
                            return "exists";
                        }
                        throw exists;
                    }
                })
                .then();
    }

    /** Entries this consumer read earlier but never acknowledged (it stopped before filing them). */
    Mono<List<StreamEntry>> ownPending(int count) {
        return read(new StreamEntryID(), XReadGroupParams.xReadGroupParams().count(count));
    }

    /** New entries, waiting up to {@code blockMillis} for the first one. */
    Mono<List<StreamEntry>> next(int count, int blockMillis) {
        return read(
                StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
                XReadGroupParams.xReadGroupParams().count(count).block(blockMillis));
    }

    /** Takes over entries that another (presumably dead) consumer read and left unacknowledged for {@code idle}. */
    Mono<List<StreamEntry>> claimIdle(long idleMillis, int count) {
        return call(redis -> redis.xautoclaim(
                                BudgetKeys.ALERTS_STREAM,
                                GROUP,
                                consumer,
                                idleMillis,
                                new StreamEntryID(),
                                new XAutoClaimParams().count(count))
                        .getValue())
                .defaultIfEmpty(List.of());
    }

    Mono<Long> ack(StreamEntryID id) {
        return call(redis -> redis.xack(BudgetKeys.ALERTS_STREAM, GROUP, id));
    }

    private Mono<List<StreamEntry>> read(StreamEntryID from, XReadGroupParams params) {
        return call(redis -> redis.xreadGroup(GROUP, consumer, params, Map.of(BudgetKeys.ALERTS_STREAM, from)))
                .map(streams -> streams.isEmpty()
                        ? List.<StreamEntry>of()
                        : streams.getFirst().getValue())
                .defaultIfEmpty(List.of());
    }

    private <T> Mono<T> call(Function<UnifiedJedis, @Nullable T> command) {
        return Mono.fromCallable(() -> command.apply(jedis)).subscribeOn(scheduler);
    }

    @Override
    public void close() {
        scheduler.dispose();
        jedis.close();
    }
}
