package dev.tollgate.admin.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A guardrail policy as the API shows it and the audit log records it.
 *
 * @param scopeId {@code all}, the tenant's or key's id, or the public model name
 * @param tenantId the tenant a tenant or key policy belongs to; {@code null} for global and route policies
 * @param enabled whether the gateway applies it
 */
public record PolicyView(
        UUID id,
        String name,
        String scope,
        String scopeId,
        @Nullable UUID tenantId,
        List<GuardrailRule> input,
        List<GuardrailRule> output,
        boolean reversible,
        boolean enabled,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether a platform admin alone may see and change it. */
    boolean platformWide() {
        return tenantId == null;
    }
}
