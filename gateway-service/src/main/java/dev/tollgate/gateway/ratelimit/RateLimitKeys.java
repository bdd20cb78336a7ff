package dev.tollgate.gateway.ratelimit;

import java.util.List;

/**
 * Where a key's limits live in Redis: {@code tollgate:ratelimit:{key_id}:rpm} and {@code :tpm}, each a GCRA
 * theoretical arrival time in microseconds on Redis's clock, expiring once the budget is whole again. The braces are
 * literal: a cluster hash tag, so one script may touch both keys.
 */
final class RateLimitKeys {

    private RateLimitKeys() {}

    static String requests(String keyId) {
        return "tollgate:ratelimit:{" + keyId + "}:rpm";
    }

    static String tokens(String keyId) {
        return "tollgate:ratelimit:{" + keyId + "}:tpm";
    }

    static List<String> both(String keyId) {
        return List.of(requests(keyId), tokens(keyId));
    }
}
