package dev.tollgate.gateway.ratelimit;

/**
 * Where limits live in Redis: {@code tollgate:ratelimit:{key_id}:rpm} and {@code :tpm} for a key,
 * {@code tollgate:ratelimit:{tenant:tenant_id}:rpm} and {@code :tpm} for a tenant; each a GCRA theoretical arrival
 * time in microseconds on Redis's clock, expiring once the window is whole again. The braces are literal: a cluster
 * hash tag, so one script may touch both keys of a subject.
 */
final class RateLimitKeys {

    private RateLimitKeys() {}

    static String requests(Limits limits) {
        return prefix(limits) + ":rpm";
    }

    static String tokens(Limits limits) {
        return prefix(limits) + ":tpm";
    }

    private static String prefix(Limits limits) {
        String tag = Limits.KEY.equals(limits.subject()) ? limits.id() : limits.subject() + ":" + limits.id();
        return "tollgate:ratelimit:{" + tag + "}";
    }
}
