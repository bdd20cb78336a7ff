package dev.tollgate.gateway.ratelimit;

import dev.tollgate.model.key.KeyPrincipal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A key's limits per {@link #WINDOW}; {@code -1} means none, {@code 0} denies everything.
 *
 * @param keyId the key's id
 * @param requests requests per window
 * @param tokens tokens per window
 */
record Limits(String keyId, long requests, long tokens) {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final long WINDOW_MICROS = WINDOW.toNanos() / 1000;
    static final long NONE = -1;

    static Limits of(KeyPrincipal key) {
        return new Limits(key.keyId(), orNone(key.rpmLimit()), orNone(key.tpmLimit()));
    }

    boolean unlimited() {
        return requests == NONE && tokens == NONE;
    }

    /** This instance's share while it limits alone: never less than one, so a limited key is not shut out. */
    Limits share(int instances) {
        return new Limits(keyId, share(requests, instances), share(tokens, instances));
    }

    private static long share(long limit, int instances) {
        return limit <= 0 ? limit : Math.max(1, limit / instances);
    }

    private static long orNone(@Nullable Integer limit) {
        return limit == null ? NONE : Math.max(0, limit);
    }
}
