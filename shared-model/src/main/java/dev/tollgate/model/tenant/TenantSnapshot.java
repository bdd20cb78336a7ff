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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantSnapshot(
        @JsonProperty("tenant_id") String tenantId,
        String slug,
        @JsonProperty("cost_center") @Nullable String costCenter,
        String status) {

    public static final String ACTIVE = "active";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
