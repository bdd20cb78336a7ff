package dev.tollgate.model.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An admin API token as other services see it, published under the SHA-256 of the token (see {@link AccessKeys}) so
 * they can authenticate its holder without calling the admin service. Published only while the token is usable:
 * revoking it, disabling its user or changing the user's password deletes it.
 *
 * @param tokenId the token's id
 * @param userId the admin user it acts for
 * @param email that user's email, for logs and audit
 * @param role {@code PLATFORM_ADMIN}, {@code TENANT_ADMIN}, {@code FINANCE} or {@code VIEWER}
 * @param tenantId the one tenant the user may see; {@code null} for platform-wide users
 * @param scope {@code read} or {@code write}
 * @param expiresAt when the token stops working
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiTokenSnapshot(
        @JsonProperty("token_id") String tokenId,
        @JsonProperty("user_id") String userId,
        String email,
        String role,
        @JsonProperty("tenant_id") @Nullable String tenantId,
        String scope,
        @JsonProperty("expires_at") Instant expiresAt) {

    /** Whether the token may be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
