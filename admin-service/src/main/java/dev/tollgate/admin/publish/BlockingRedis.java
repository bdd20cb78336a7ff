package dev.tollgate.admin.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The only admin type that touches Jedis. Jedis blocks its caller, so each command runs on a bounded scheduler
 * reserved for Redis, never on a Netty event loop.
 */
final class BlockingRedis implements AutoCloseable {

    private final UnifiedJedis jedis;
    private final Scheduler scheduler;

    BlockingRedis(UnifiedJedis jedis, Scheduler scheduler) {
        this.jedis = jedis;
        this.scheduler = scheduler;
    }

    /** Runs one command when subscribed. A {@code null} reply (missing key) completes empty. */
    <T> Mono<T> call(Function<UnifiedJedis, @Nullable T> command) {
        return Mono.fromCallable(() -> command.apply(jedis)).subscribeOn(scheduler);
    }

    /** Every key matching {@code pattern}, found with SCAN so Redis is never blocked the way KEYS blocks it. */
    Mono<List<String>> scan(String pattern) {
        return call(redis -> scanAll(redis, pattern));
    }

    private static List<String> scanAll(UnifiedJedis redis, String pattern) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(pattern).count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    @Override
    public void close() {
        scheduler.dispose();
        jedis.close();
    }
}
