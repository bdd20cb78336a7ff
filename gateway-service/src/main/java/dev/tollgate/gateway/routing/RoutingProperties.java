package dev.tollgate.gateway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Published routes, bound from {@code tollgate.routing}.
 *
 * @param masterKey the key provider credentials are sealed under ({@code TOLLGATE_MASTER_KEY}): base64 of 32 bytes,
 *     the same value as the admin service's; never defaulted
 * @param masterKeyId the id of {@code masterKey} ({@code TOLLGATE_MASTER_KEY_ID})
 * @param previousMasterKeys older keys that may still open credentials during a rotation, as {@code id:base64,…}
 *     ({@code TOLLGATE_MASTER_KEYS_PREVIOUS})
 * @param cacheTtl how long a looked-up route (found or not) is used without asking Redis again; change announcements
 *     drop entries sooner
 * @param maxStale how long a route past its TTL may still be used while Redis is unreachable
 * @param retry the retry policy of routes that publish none
 * @param health when a deployment is taken out of rotation and how it is probed back in
 */
@Validated
@ConfigurationProperties("tollgate.routing")
record RoutingProperties(
        @NotBlank(
                message = "is not set: set TOLLGATE_MASTER_KEY (base64 of 32 bytes, the same value as the admin"
                        + " service's), or run with the 'local' profile for development")
        String masterKey,

        @DefaultValue("k1") String masterKeyId,
        @DefaultValue("") String previousMasterKeys,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("5m") Duration maxStale,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Health health) {

    /**
     * The retry policy of routes that publish none.
     *
     * @param maxRetries attempts after the first, across a model's deployments
     * @param backoff the first backoff before the same deployment is tried again; each later one doubles
     * @param maxBackoff the cap of one backoff, and the longest {@code retry-after} waited for
     */
    record Retry(
            @DefaultValue("2") @Min(0) @Max(10) int maxRetries,
            @DefaultValue("250ms") Duration backoff,
            @DefaultValue("4s") Duration maxBackoff) {}

    /**
     * Per-deployment circuit breaking, kept by each gateway instance for itself.
     *
     * @param window the last calls of a deployment its failure rate is computed over
     * @param minimumCalls calls needed in the window before the failure rate can open the circuit
     * @param failureRate the failure rate, in percent, at which the circuit opens
     * @param openFor how long an open circuit sends no traffic before one probe is let through
     * @param rateLimitCooldown how long a deployment that answered 429 without {@code retry-after} gets no traffic
     * @param maxCooldown the longest a provider's {@code retry-after} takes a deployment out of rotation
     * @param latencyWeight the weight of the newest sample in the moving average of time to first token, 0 to 1
     */
    record Health(
            @DefaultValue("20") @Min(1) int window,
            @DefaultValue("5") @Min(1) int minimumCalls,
            @DefaultValue("50") @Min(1) @Max(100) int failureRate,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("5s") Duration rateLimitCooldown,
            @DefaultValue("5m") Duration maxCooldown,
            @DefaultValue("0.2") double latencyWeight) {}

    /** Every master key by id, the current one included. */
    Map<String, String> masterKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String entry : previousMasterKeys.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                keys.put(
                        entry.substring(0, colon).strip(),
                        entry.substring(colon + 1).strip());
            } else if (!entry.isBlank()) {
                throw new IllegalArgumentException("TOLLGATE_MASTER_KEYS_PREVIOUS must be id:base64[,id:base64…]");
            }
        }
        keys.put(masterKeyId, masterKey);
        return keys;
    }

    @Override
    public String toString() {
        return "RoutingProperties[masterKey=***, masterKeyId=%s, cacheTtl=%s, maxStale=%s, retry=%s, health=%s]"
                .formatted(masterKeyId, cacheTtl, maxStale, retry, health);
    }
}
