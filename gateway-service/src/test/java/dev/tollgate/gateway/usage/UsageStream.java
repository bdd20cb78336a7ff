package dev.tollgate.gateway.usage;

import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/** Reads the usage stream back in tests, only the entries of one key and only those written since it was made. */
public final class UsageStream implements AutoCloseable {

    private final JedisPooled redis;
    private final String since = (System.currentTimeMillis() - 60_000) + "-0";

    public UsageStream(String redisUri) {
        this.redis = new JedisPooled(URI.create(redisUri));
    }

    public List<UsageRecorded> eventsOf(String keyId) {
        return redis.xrange(UsageKeys.EVENTS_STREAM, since, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> keyId.equals(fields.get("key_id")))
                .map(UsageRecorded::fromFields)
                .toList();
    }

    /** The last use of the key recorded in Redis, or {@code null}. */
    String lastUseOf(String keyId) {
        return redis.hget(KeyLastUse.HASH, keyId);
    }

    void forgetLastUseOf(String keyId) {
        redis.hdel(KeyLastUse.HASH, keyId);
    }

    /** Waits up to {@code patience} for {@code count} events of the key, then returns whatever there is. */
    public List<UsageRecorded> awaitEvents(String keyId, int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<UsageRecorded> events = eventsOf(keyId);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            events = eventsOf(keyId);
        }
        return events;
    }

    @Override
    public void close() {
        redis.close();
    }
}
