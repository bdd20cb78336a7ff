package dev.tollgate.gateway.testing;

import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/** Reads usage events back from the real Redis stream, by the request id they record. */
public final class UsageEvents implements AutoCloseable {

    private final JedisPooled redis = new JedisPooled(URI.create(TestInfrastructure.redisUri()));
    private final String since = (System.currentTimeMillis() - 60_000) + "-0";

    /** The fields of every event of {@code requestId}, waiting up to {@code patience} for the first. */
    public List<Map<String, String>> of(String requestId, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Map<String, String>> events = read(requestId);
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(25);
            events = read(requestId);
        }
        return events;
    }

    private List<Map<String, String>> read(String requestId) {
        return redis.xrange(UsageKeys.EVENTS_STREAM, since, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> requestId.equals(fields.get("request_id")))
                .toList();
    }

    @Override
    public void close() {
        redis.close();
    }
}
