package dev.tollgate.gateway.auth;

import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.tenant.TenantSnapshot;

/**
 * An authenticated caller: the virtual key it presented and the tenant that owns it.
 *
 * @param key the key as published
 * @param tenant its tenant as published
 */
public record Caller(KeyPrincipal key, TenantSnapshot tenant) {

    /** Whether the key may call {@code model}. */
    public boolean allows(String model) {
        return key.allows(model);
    }

    /** Whether the key may call every model. */
    public boolean allowsAll() {
        return key.allowedModels().contains(KeyPrincipal.ALL_MODELS);
    }
}
