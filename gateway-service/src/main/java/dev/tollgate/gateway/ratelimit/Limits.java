package dev.tollgate.gateway.ratelimit;

import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The limits of one subject (a key, or a tenant across all its keys) per {@link #WINDOW}; {@code -1} means none,
 * {@code 0} denies everything.
 *
 * @param subject {@link #KEY} or {@link #TENANT}
 * @param id the key's or the tenant's id
 * @param requests requests per window
 * @param tokens tokens per window
 */
public record Limits(String subject, String id, long requests, long tokens) {

    public static final String KEY = "key";
    public static final String TENANT = "tenant";
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final long WINDOW_MICROS = WINDOW.toNanos() / 1000;
    static final long NONE = -1;

    public static Limits of(KeyPrincipal key) {
        return new Limits(KEY, key.keyId(), orNone(key.rpmLimit()), orNone(key.tpmLimit()));
    }

    public static Limits of(TenantSnapshot tenant) {
        return new Limits(TENANT, tenant.tenantId(), orNone(tenant.rpmLimit()), orNone(tenant.tpmLimit()));
    }

    public boolean unlimited() {
        return requests == NONE && tokens == NONE;
    }

    /** The Redis key of the requests window. */
    public String requestsKey() {
        return RateLimitKeys.requests(this);
    }

    /** The Redis key of the tokens window. */
    public String tokensKey() {
        return RateLimitKeys.tokens(this);
    }

    /** This instance's share while it limits alone: never less than one, so a limited subject is not shut out. */
    Limits share(int instances) {
        return new Limits(subject, id, share(requests, instances), share(tokens, instances));
    }

    private static long share(long limit, int instances) {
        return limit <= 0 ? limit : Math.max(1, limit / instances);
    }

    private static long orNone(@Nullable Integer limit) {
        return limit == null ? NONE : Math.max(0, limit);
    }
}
