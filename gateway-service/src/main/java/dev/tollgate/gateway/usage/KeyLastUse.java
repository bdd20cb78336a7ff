package dev.tollgate.gateway.usage;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Decides when a key's last use is worth writing to Redis: at most once a minute per key on this instance. The memory
 * of recent writes is cleared when it grows past {@value #MAX_KEYS} keys, which at worst writes some keys early.
 */
@Component
class KeyLastUse {

    /** Field: key id, value: ISO-8601 instant. Read by admin-service's {@code publish.KeyLastUseSync}. */
    static final String HASH = "tollgate:keys:last-used";

    private static final long INTERVAL_MILLIS = 60_000;
    private static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Long> lastWritten = new ConcurrentHashMap<>();

    /** Whether a use of {@code keyId} at {@code nowMillis} should be written; if so, remembers it as written. */
    boolean due(String keyId, long nowMillis) {
        if (lastWritten.size() > MAX_KEYS) {
            lastWritten.clear();
        }
        Long previous = lastWritten.get(keyId);
        if (previous == null) {
            return lastWritten.putIfAbsent(keyId, nowMillis) == null;
        }
        // replace(…, previous, …) lets only one of several concurrent requests of the key win the write.
        return nowMillis - previous >= INTERVAL_MILLIS && lastWritten.replace(keyId, previous, nowMillis);
    }
}
