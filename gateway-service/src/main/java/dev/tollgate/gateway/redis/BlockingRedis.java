package dev.tollgate.gateway.redis;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The only gateway type that touches Jedis. Jedis blocks its caller, so each command runs on a bounded scheduler
 * reserved for Redis, never on a Netty event loop. Every failure (Redis unreachable, too slow, too many waiting
 * commands) surfaces as a {@link GatewayException} with {@link ErrorCode#CONFIG_UNAVAILABLE}; whether that fails a
 * request or is ignored is the caller's decision.
 */
public final class BlockingRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockingRedis.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final UnifiedJedis jedis;
    private final Scheduler scheduler;
    private final RedisProperties properties;
    private final Runnable dropIdleConnections;

    BlockingRedis(UnifiedJedis jedis, Scheduler scheduler, RedisProperties properties, Runnable dropIdleConnections) {
        this.jedis = jedis;
        this.scheduler = scheduler;
        this.properties = properties;
        this.dropIdleConnections = dropIdleConnections;
    }

    /** The string at {@code key}; completes empty when there is none. */
    public Mono<String> get(String key) {
        return read(redis -> redis.get(key));
    }

    /** Sets {@code key} to {@code value}, expiring after {@code ttl}: one {@code SET … PX}. */
    public Mono<String> put(String key, String value, Duration ttl) {
        return call(redis -> redis.set(key, value, SetParams.setParams().px(ttl.toMillis())));
    }

    /**
     * Unlinks every key matching the glob {@code pattern}, found by {@code SCAN} in pages, so Redis is never blocked
     * the way {@code KEYS} would block it. Completes with how many keys were unlinked.
     */
    public Mono<Long> unlinkMatching(String pattern) {
        return call(redis -> unlinked(redis, pattern));
    }

    private static long unlinked(UnifiedJedis redis, String pattern) {
        ScanParams params = new ScanParams().match(pattern).count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        long unlinked = 0;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                unlinked += redis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return unlinked;
    }

    /** The members of the set at {@code key}; empty when there is none. */
    public Mono<Set<String>> members(String key) {
        return read(redis -> redis.smembers(key));
    }

    /**
     * Appends an entry with an id Redis assigns to the stream at {@code key}: one {@code XADD}, one round trip, and no
     * trimming, so nothing a reader has not yet acknowledged is ever dropped. Completes with the entry's id.
     */
    public Mono<String> append(String key, Map<String, String> fields) {
        return call(redis -> redis.xadd(key, XAddParams.xAddParams(), fields).toString());
    }

    /** The strings at {@code keys}, in order, {@code null} where there is none: one {@code MGET}. */
    public Mono<List<@Nullable String>> getAll(List<String> keys) {
        return read(redis -> redis.mget(keys.toArray(String[]::new)));
    }

    /**
     * Replaces the hash at {@code key} with {@code fields}, expiring after {@code ttl}, and when {@code log} is given
     * appends {@code key} to that stream (trimmed to about its length): one {@code MULTI … EXEC}, so the hash never
     * exists without its expiry. Values are binary-safe (a vector is raw bytes).
     */
    public Mono<List<Object>> putHash(String key, Map<String, byte[]> fields, Duration ttl, @Nullable StreamLog log) {
        return call(redis -> hashPut(redis, key, fields, ttl, log));
    }

    /**
     * A stream that records which keys were written, for other instances to follow.
     *
     * @param stream the stream's key
     * @param field the entry field that holds the written key
     * @param maxLength about how many entries it keeps ({@code MAXLEN ~})
     */
    public record StreamLog(String stream, String field, long maxLength) {}

    private static List<Object> hashPut(
            UnifiedJedis redis, String key, Map<String, byte[]> fields, Duration ttl, @Nullable StreamLog log) {
        byte[] raw = SafeEncoder.encode(key);
        Map<byte[], byte[]> hash = new java.util.LinkedHashMap<>();
        fields.forEach((name, value) -> hash.put(SafeEncoder.encode(name), value));
        try (AbstractTransaction transaction = redis.multi()) {
            transaction.del(raw);
            transaction.hset(raw, hash);
            transaction.pexpire(raw, ttl.toMillis());
            if (log != null) {
                transaction.xadd(
                        log.stream(),
                        XAddParams.xAddParams().maxLen(log.maxLength()).approximateTrimming(),
                        Map.of(log.field(), key));
            }
            return transaction.exec();
        }
    }

    /**
     * The values of {@code fields} in each hash at {@code keys}, in order: one pipelined {@code HMGET} per key, one
     * round trip. A missing hash or field reads as {@code null}.
     */
    public Mono<List<List<byte @Nullable []>>> hashFields(List<String> keys, List<String> fields) {
        return read(redis -> hashesRead(redis, keys, fields));
    }

    private static List<List<byte @Nullable []>> hashesRead(
            UnifiedJedis redis, List<String> keys, List<String> fields) {
        byte[][] names = fields.stream().map(SafeEncoder::encode).toArray(byte[][]::new);
        List<Response<List<byte[]>>> replies = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            keys.forEach(key -> replies.add(pipeline.hmget(SafeEncoder.encode(key), names)));
            pipeline.sync();
        }
        return replies.stream().map(BlockingRedis::fieldsOrNone).toList();
    }

    // A key of another type (WRONGTYPE) holds none of the fields.
    private static List<byte @Nullable []> fieldsOrNone(Response<List<byte[]>> reply) {
        try {
            return reply.get();
        } catch (JedisDataException wrongType) {
            return List.of();
        }
    }

    /** Up to {@code limit} keys matching the glob {@code pattern}, found by {@code SCAN} in pages. */
    public Mono<List<String>> keysMatching(String pattern, int limit) {
        return read(redis -> matching(redis, pattern, limit));
    }

    private static List<String> matching(UnifiedJedis redis, String pattern, int limit) {
        ScanParams params = new ScanParams().match(pattern).count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        List<String> keys = new ArrayList<>();
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor) && keys.size() < limit);
        return keys.size() > limit ? List.copyOf(keys.subList(0, limit)) : keys;
    }

    /** The id of the stream's last entry, {@code 0-0} when it has none. */
    public Mono<String> lastEntryId(String stream) {
        return read(redis -> {
            List<StreamEntry> last = redis.xrevrange(stream, "+", "-", 1);
            return last.isEmpty() ? "0-0" : last.getFirst().getID().toString();
        });
    }

    /** Up to {@code count} entries of the stream after the id {@code after}, oldest first: one {@code XRANGE}. */
    public Mono<List<StreamRecord>> entriesAfter(String stream, String after, int count) {
        return read(redis -> redis.xrange(stream, "(" + after, "+", count).stream()
                .map(entry -> new StreamRecord(entry.getID().toString(), entry.getFields()))
                .toList());
    }

    /**
     * One entry of a stream.
     *
     * @param id its id
     * @param fields its fields
     */
    public record StreamRecord(String id, Map<String, String> fields) {}

    /**
     * Like {@link #append}, with {@code scripts} run and, unless {@code stamp} is {@code null}, a hash field set, all
     * pipelined in one round trip. The side writes are best effort: their failure is logged and never fails the
     * append. A script Redis has not cached yet (after a restart) is sent again with {@code EVAL}.
     */
    public Mono<String> appendWith(
            String key, Map<String, String> fields, List<ScriptCall> scripts, @Nullable HashStamp stamp) {
        return call(redis -> appendedWith(redis, key, fields, scripts, stamp));
    }

    /**
     * One hash field to set beside an appended entry.
     *
     * @param hash the hash
     * @param field its field
     * @param value the value
     */
    public record HashStamp(String hash, String field, String value) {}

    private static String appendedWith(
            UnifiedJedis redis,
            String key,
            Map<String, String> fields,
            List<ScriptCall> scripts,
            @Nullable HashStamp stamp) {
        List<Response<Object>> ran = new ArrayList<>();
        Response<StreamEntryID> id;
        Response<Long> stamped = null;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (ScriptCall script : scripts) {
                ran.add(pipeline.evalsha(script.script().sha1(), script.keys(), script.args()));
            }
            id = pipeline.xadd(key, XAddParams.xAddParams(), fields);
            if (stamp != null) {
                stamped = pipeline.hset(stamp.hash(), stamp.field(), stamp.value());
            }
            pipeline.sync();
        }
        // Settles first: they ran (or need their EVAL) even when the append itself failed and the event is spooled.
        for (int i = 0; i < ran.size(); i++) {
            settled(redis, scripts.get(i), ran.get(i));
        }
        String appended = id.get().toString();
        if (stamped != null) {
            ignoreFailure(stamped, stamp.hash() + " " + stamp.field());
        }
        return appended;
    }

    private static void settled(UnifiedJedis redis, ScriptCall script, Response<Object> response) {
        try {
            try {
                response.get();
            } catch (JedisException failed) {
                if (!String.valueOf(failed.getMessage()).startsWith("NOSCRIPT")) {
                    throw failed;
                }
                redis.eval(script.script().source(), script.keys(), script.args());
            }
        } catch (JedisException failed) {
            log.warn("script beside a usage event failed: {}", failed.toString());
        }
    }

    private static void ignoreFailure(Response<Long> stamped, String what) {
        try {
            stamped.get();
        } catch (JedisException ignored) {
            log.debug("HSET {} failed, ignored: {}", what, ignored.toString());
        }
    }

    /**
     * Runs {@code script} atomically: {@code EVALSHA}, one round trip, and {@code EVAL} (which also caches it) only
     * when Redis answers {@code NOSCRIPT}. Completes with the script's reply; a {@code nil} reply completes empty.
     */
    public Mono<Object> run(RedisScript script, List<String> keys, List<String> args) {
        return call(redis -> evaluate(redis, script, keys, args));
    }

    private static @Nullable Object evaluate(
            UnifiedJedis redis, RedisScript script, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(script.sha1(), keys, args);
        } catch (JedisNoScriptException notCached) {
            return redis.eval(script.source(), keys, args);
        }
    }

    private <T> Mono<T> call(Function<UnifiedJedis, @Nullable T> command) {
        return Mono.fromCallable(() -> applied(command))
                .subscribeOn(scheduler)
                .onErrorMap(BlockingRedis::isRedisFailure, BlockingRedis::unavailable);
    }

    // A read may be sent twice: after Redis restarts, the pool's idle connections are all dead, and the one that
    // fails first drops the others, so the second try gets a fresh one.
    private <T> Mono<T> read(Function<UnifiedJedis, @Nullable T> command) {
        return Mono.fromCallable(() -> {
                    try {
                        return applied(command);
                    } catch (JedisConnectionException stale) {
                        return command.apply(jedis);
                    }
                })
                .subscribeOn(scheduler)
                .onErrorMap(BlockingRedis::isRedisFailure, BlockingRedis::unavailable);
    }

    // Writes are never retried here (an admission must not be charged twice), but a broken connection still drops
    // the pool's idle ones, so only this command fails after Redis comes back, not one per pooled connection.
    private <T> @Nullable T applied(Function<UnifiedJedis, @Nullable T> command) {
        try {
            return command.apply(jedis);
        } catch (JedisConnectionException broken) {
            dropIdleConnections.run();
            throw broken;
        }
    }

    /**
     * Listens to {@code channel} on a dedicated daemon thread, because a Jedis subscription blocks its thread for as
     * long as it lasts. A lost connection is reopened with exponential backoff; {@code onSubscribed} runs after every
     * (re)subscription, since messages sent while disconnected are lost.
     *
     * @return closing it ends the subscription and the thread
     */
    public AutoCloseable listen(String channel, Consumer<String> onMessage, Runnable onSubscribed) {
        ChannelListener listener = new ChannelListener(channel, onMessage, onSubscribed);
        listener.thread.start();
        return listener;
    }

    @Override
    public void close() {
        jedis.close();
        scheduler.dispose();
    }

    // A data error (a script's runtime error, WRONGTYPE) is a bug to surface, not an outage to degrade around.
    private static boolean isRedisFailure(Throwable failure) {
        boolean bug = failure instanceof JedisDataException && !(failure instanceof JedisNoScriptException);
        return !bug && (failure instanceof JedisException || failure instanceof RejectedExecutionException);
    }

    private static GatewayException unavailable(Throwable failure) {
        return GatewayException.upstream(
                ErrorCode.CONFIG_UNAVAILABLE,
                "The gateway cannot reach its configuration store right now; please retry shortly.",
                failure);
    }

    /** One subscription with its thread, reconnecting until closed. */
    private final class ChannelListener implements AutoCloseable {

        private final String channel;
        private final Consumer<String> handler;
        private final Runnable onSubscribed;
        private final Thread thread;
        private volatile boolean open = true;
        private volatile @Nullable Jedis connection;
        private volatile Duration backoff = FIRST_BACKOFF;

        ChannelListener(String channel, Consumer<String> onMessage, Runnable onSubscribed) {
            this.channel = channel;
            this.handler = onMessage;
            this.onSubscribed = onSubscribed;
            this.thread = Thread.ofPlatform()
                    .daemon()
                    .name("redis-subscriber-" + channel)
                    .unstarted(this::run);
        }

        private void run() {
            while (open) {
                subscribeOnce();
                pause();
            }
        }

        // The subscription connection has no read timeout: it is silent whenever nothing changes.
        private void subscribeOnce() {
            try (Jedis subscriber = new Jedis(properties.uri(), properties.timeoutMillis(), 0)) {
                connection = subscriber;
                subscriber.subscribe(new Relay(), channel);
            } catch (JedisException failure) {
                if (open) {
                    log.warn("subscription to {} lost, retrying in {}: {}", channel, backoff, failure.toString());
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(properties.maxReconnectBackoff()) < 0
                        ? doubled
                        : properties.maxReconnectBackoff();
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                open = false;
            }
        }

        @Override
        public void close() {
            open = false;
            Jedis subscriber = connection;
            if (subscriber != null) {
                subscriber.disconnect(); // ends the blocking read in subscribe()
            }
            thread.interrupt();
        }

        private final class Relay extends JedisPubSub {

            @Override
            public void onSubscribe(String subscribed, int count) {
                backoff = FIRST_BACKOFF;
                log.info("listening for messages on {}", subscribed);
                onSubscribed.run();
            }

            @Override
            public void onMessage(String from, String message) {
                try {
                    handler.accept(message);
                } catch (RuntimeException failure) {
                    log.error("handling a message on {} failed", from, failure);
                }
            }
        }
    }
}
