package dev.tollgate.model.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A tenant as the gateway sees it. A suspended tenant's keys stop working.
 *
 * @param tenantId the tenant's id
 * @param slug its unique short name
 * @param costCenter the cost center its usage is charged to
 * @param status {@code active} or {@code suspended}
 * @param rpmLimit requests per minute across all the tenant's keys, {@code null} for no limit and {@code 0} to deny
 * @param tpmLimit tokens per minute across all the tenant's keys, {@code null} for no limit and {@code 0} to deny
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantSnapshot(
        @JsonProperty("tenant_id") String tenantId,
        String slug,
        @JsonProperty("cost_center") @Nullable String costCenter,
        String status,
        @JsonProperty("rpm_limit") @Nullable Integer rpmLimit,
        @JsonProperty("tpm_limit") @Nullable Integer tpmLimit) {

    public static final String ACTIVE = "active";

    /** A tenant without tenant-wide limits. */
    public TenantSnapshot(String tenantId, String slug, @Nullable String costCenter, String status) {
        this(tenantId, slug, costCenter, status, null, null);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
