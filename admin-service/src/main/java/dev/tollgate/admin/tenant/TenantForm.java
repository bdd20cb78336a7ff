package dev.tollgate.admin.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new tenant, as posted to {@code POST /api/v1/tenants}.
 *
 * @param name display name
 * @param slug unique, URL-safe handle: lowercase letters, digits and inner hyphens, at most 63
 * @param costCenter finance's identifier for chargeback
 * @param contact who to ask about this tenant
 * @param rpmLimit requests per minute across all the tenant's keys; none for no limit, 0 to refuse every request
 * @param tpmLimit tokens per minute across all the tenant's keys; none for no limit, 0 to refuse every request
 */
record TenantForm(
        @NotBlank @Size(max = 200) @Nullable String name,

        @NotBlank
        @Pattern(
                regexp = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
                message = "must be lowercase letters, digits and inner hyphens, at most 63")
        @Nullable
        String slug,

        @Size(max = 100) @Nullable String costCenter,
        @Size(max = 320) @Nullable String contact,
        @PositiveOrZero @Nullable Integer rpmLimit,
        @PositiveOrZero @Nullable Integer tpmLimit) {

    static TenantForm empty() {
        return new TenantForm(null, null, null, null, null, null);
    }
}
