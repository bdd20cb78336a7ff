package dev.tollgate.admin.publish;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads the length and the newest entries of a Redis stream, for the console to show; it never consumes, acknowledges
 * or trims anything. Runs on the Redis scheduler like every other command, never on an event loop.
 */
@Component
public class StreamTail {

    private final BlockingRedis redis;

    StreamTail(BlockingRedis redis) {
        this.redis = redis;
    }

    /**
     * One entry as written.
     *
     * @param id the stream id, {@code <milliseconds>-<sequence>}
     * @param fields the entry's flat fields
     */
    public record Entry(String id, Map<String, String> fields) {

        public Entry {
            fields = Map.copyOf(fields);
        }
    }

    /**
     * What a stream holds.
     *
     * @param length every entry in the stream ({@code XLEN})
     * @param newest up to the asked-for number of entries, newest first
     */
    public record Tail(long length, List<Entry> newest) {}

    /** The stream's length and its newest {@code count} entries; a stream that does not exist is empty. */
    public Mono<Tail> of(String stream, int count) {
        return redis.call(jedis -> read(jedis, stream, count));
    }

    // Two commands, not a transaction: an entry added in between makes the length one ahead of the list, which a
    // display can live with.
    private static Tail read(UnifiedJedis jedis, String stream, int count) {
        long length = jedis.xlen(stream);
        List<Entry> newest = jedis.xrevrange(stream, "+", "-", count).stream()
                .map(entry -> new Entry(entry.getID().toString(), entry.getFields()))
                .toList();
        return new Tail(length, newest);
    }
}
