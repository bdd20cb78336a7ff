package dev.tollgate.admin.budget;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A budget as the API shows it and the audit log records it.
 *
 * @param amountUsd the limit as a plain decimal string, such as {@code "250.5"}, so no client rounds it through a
 *     binary floating-point number
 * @param tenantId the tenant the scope belongs to
 */
public record BudgetView(
        UUID id,
        String scope,
        UUID scopeId,
        UUID tenantId,
        String amountUsd,
        String period,
        String timezone,
        List<Integer> thresholds,
        String action,
        Instant createdAt,
        Instant updatedAt) {}
