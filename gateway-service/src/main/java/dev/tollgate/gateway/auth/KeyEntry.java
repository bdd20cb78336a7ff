package dev.tollgate.gateway.auth;

import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a lookup of one key hash found, cached as it is, including finding nothing.
 *
 * @param key the published key, {@code null} when none is published under the hash
 * @param tenant the published tenant of the key, {@code null} when there is none
 * @param loadedAtNanos when it was read from Redis, by {@link System#nanoTime()}
 */
record KeyEntry(@Nullable KeyPrincipal key, @Nullable TenantSnapshot tenant, long loadedAtNanos) {

    static KeyEntry of(Optional<KeyPrincipal> key, Optional<TenantSnapshot> tenant) {
        return new KeyEntry(key.orElse(null), tenant.orElse(null), System.nanoTime());
    }

    /** The caller, when the key is usable at {@code now}: active, unexpired, in its grace period, tenant active. */
    Optional<Caller> callerAt(Instant now) {
        if (key == null || tenant == null || !key.usableAt(now)) {
            return Optional.empty();
        }
        boolean ownTenant = tenant.tenantId().equals(key.tenantId());
        return ownTenant && tenant.active() ? Optional.of(new Caller(key, tenant)) : Optional.empty();
    }

    boolean youngerThan(Duration age) {
        return System.nanoTime() - loadedAtNanos < age.toNanos();
    }

    boolean belongsTo(String tenantId) {
        return key != null && key.tenantId().equals(tenantId);
    }
}
