package dev.tollgate.usage.system;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis for everything but the ingest thread (which owns its own connection, see {@code ingest.UsageStream}). Jedis
 * blocks its caller, so request code gets each command as a {@link Mono} running on a bounded scheduler reserved for
 * Redis, never on a Netty event loop; scheduled jobs, which run on their own threads, may call {@link #now}.
 */
public final class BlockingRedis implements AutoCloseable {

    private final UnifiedJedis jedis;
    private final Scheduler scheduler;

    BlockingRedis(UnifiedJedis jedis, Scheduler scheduler) {
        this.jedis = jedis;
        this.scheduler = scheduler;
    }

    /** Runs one command when subscribed. A {@code null} reply (missing key) completes empty. */
    public <T> Mono<T> call(Function<UnifiedJedis, @Nullable T> command) {
        return Mono.fromCallable(() -> command.apply(jedis)).subscribeOn(scheduler);
    }

    /** Runs one command on the calling thread: for scheduled jobs only, never for request code. */
    public <T> @Nullable T now(Function<UnifiedJedis, @Nullable T> command) {
        return command.apply(jedis);
    }

    @Override
    public void close() {
        scheduler.dispose();
        jedis.close();
    }
}
