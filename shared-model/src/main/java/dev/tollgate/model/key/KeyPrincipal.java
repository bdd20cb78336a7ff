package dev.tollgate.model.key;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.model.route.CacheSettings;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key as the gateway sees it, published under the hash of its secret (see {@link KeyHasher}). A rotated key
 * is published under both secrets' hashes until the old one's grace period ends.
 *
 * @param keyId the key's stable public id
 * @param tenantId the tenant that owns it
 * @param name the application the key was issued for
 * @param prefix the short visible start of the secret, for logs and the console (never enough to use it)
 * @param allowedModels the public model names the key may call; {@code "*"} allows every model
 * @param rpmLimit requests per minute, {@code null} for no limit and {@code 0} to deny
 * @param tpmLimit tokens per minute, {@code null} for no limit and {@code 0} to deny
 * @param maxTokens cap on output tokens per request, {@code null} for none
 * @param status {@code active} or {@code revoked}
 * @param expiresAt when the key stops working, {@code null} for never
 * @param secretValidUntil end of this secret's grace period after a rotation, {@code null} for the current secret
 * @param cache how the response cache treats this key's requests, over its route's settings; {@code null} for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyPrincipal(
        @JsonProperty("key_id") String keyId,
        @JsonProperty("tenant_id") String tenantId,
        String name,
        String prefix,
        @JsonProperty("allowed_models") List<String> allowedModels,
        @JsonProperty("rpm_limit") @Nullable Integer rpmLimit,
        @JsonProperty("tpm_limit") @Nullable Integer tpmLimit,
        @JsonProperty("max_tokens") @Nullable Integer maxTokens,
        String status,
        @JsonProperty("expires_at") @Nullable Instant expiresAt,
        @JsonProperty("secret_valid_until") @Nullable Instant secretValidUntil,
        @Nullable CacheSettings cache) {

    public static final String ACTIVE = "active";
    public static final String ALL_MODELS = "*";

    /** A key without cache settings of its own. */
    public KeyPrincipal(
            String keyId,
            String tenantId,
            String name,
            String prefix,
            List<String> allowedModels,
            @Nullable Integer rpmLimit,
            @Nullable Integer tpmLimit,
            @Nullable Integer maxTokens,
            String status,
            @Nullable Instant expiresAt,
            @Nullable Instant secretValidUntil) {
        this(
                keyId,
                tenantId,
                name,
                prefix,
                allowedModels,
                rpmLimit,
                tpmLimit,
                maxTokens,
                status,
                expiresAt,
                secretValidUntil,
                null);
    }

    /** Whether the key may be used at {@code now}: active, not expired, and its secret not past its grace period. */
    public boolean usableAt(Instant now) {
        return ACTIVE.equals(status)
                && (expiresAt == null || now.isBefore(expiresAt))
                && (secretValidUntil == null || now.isBefore(secretValidUntil));
    }

    /** Whether the key may call {@code model}. */
    public boolean allows(String model) {
        return allowedModels.contains(ALL_MODELS) || allowedModels.contains(model);
    }
}
