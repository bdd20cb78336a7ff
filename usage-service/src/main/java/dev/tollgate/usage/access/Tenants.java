package dev.tollgate.usage.access;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Tenant ids in the one spelling reports compare: a lowercase UUID. */
final class Tenants {

    private Tenants() {}

    static @Nullable String normal(@Nullable String tenantId) {
        return tenantId == null ? null : UUID.fromString(tenantId).toString();
    }
}
