package dev.tollgate.gateway.cache.semantic;

import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.redis.BlockingRedis.StreamLog;
import dev.tollgate.gateway.redis.BlockingRedis.StreamRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Semantic entries in Redis: one hash per entry at {@code tollgate:cache:{tenant}:{route}:s:{sha256}}, beside the
 * exact cache's answers, so the exact cache's purges remove them too, and with the same TTL as the answer it points
 * at. The vector is raw little-endian float32, the layout RediSearch indexes. Every write is also logged on the stream
 * {@value #LOG} (trimmed to about the index's size), which other instances follow.
 */
final class SemanticEntries {

    static final String LOG = "tollgate:cache-semantic:added";
    static final String PATTERN = "tollgate:cache:*:s:*";
    static final List<String> FIELDS = List.of("tenant", "route", "scope", "answer", "expires_at", "vector");

    private final BlockingRedis redis;
    private final StreamLog log;

    SemanticEntries(BlockingRedis redis, int maxEntries) {
        this.redis = redis;
        this.log = new StreamLog(LOG, "key", maxEntries);
    }

    Mono<Void> write(SemanticEntry entry, Duration ttl) {
        return redis.putHash(entry.entryKey(), fields(entry), ttl, log).then();
    }

    /** The entries at {@code keys} that exist and are readable, in order. */
    Mono<List<SemanticEntry>> read(List<String> keys) {
        return redis.hashFields(keys, FIELDS).map(rows -> entries(keys, rows));
    }

    Mono<List<String>> keys(int limit) {
        return redis.keysMatching(PATTERN, limit);
    }

    Mono<String> lastLogged() {
        return redis.lastEntryId(LOG);
    }

    Mono<List<StreamRecord>> loggedAfter(String id, int count) {
        return redis.entriesAfter(LOG, id, count);
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] vector(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static Map<String, byte[]> fields(SemanticEntry entry) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("tenant", text(entry.tenantId()));
        fields.put("route", text(entry.routeTag()));
        fields.put("scope", text(entry.scope()));
        fields.put("answer", text(entry.answerKey()));
        fields.put("expires_at", text(Long.toString(entry.expiresAtMillis())));
        fields.put("vector", bytes(entry.vector()));
        return fields;
    }

    private static List<SemanticEntry> entries(List<String> keys, List<List<byte @Nullable []>> rows) {
        List<SemanticEntry> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SemanticEntry entry = entry(keys.get(i), rows.get(i));
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static @Nullable SemanticEntry entry(String key, List<byte @Nullable []> row) {
        if (row.size() != FIELDS.size() || row.contains(null)) {
            return null; // gone, or not an entry
        }
        try {
            return new SemanticEntry(
                    key,
                    text(row.get(0)),
                    text(row.get(1)),
                    text(row.get(2)),
                    vector(row.get(5)),
                    text(row.get(3)),
                    Long.parseLong(text(row.get(4))));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte @Nullable [] value) {
        return new String(value == null ? new byte[0] : value, StandardCharsets.UTF_8);
    }
}
