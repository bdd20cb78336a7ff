package dev.tollgate.admin.tenant;

import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/**
 * The tenant-wide limits, as put to {@code PUT /api/v1/tenants/{id}/limits} and posted by the console's limits form.
 *
 * @param rpmLimit requests per minute across all the tenant's keys; none for no limit, 0 to refuse every request
 * @param tpmLimit tokens per minute across all the tenant's keys; none for no limit, 0 to refuse every request
 */
record TenantLimits(
        @PositiveOrZero @Nullable Integer rpmLimit,
        @PositiveOrZero @Nullable Integer tpmLimit) {

    static TenantLimits of(TenantView tenant) {
        return new TenantLimits(tenant.rpmLimit(), tenant.tpmLimit());
    }
}
