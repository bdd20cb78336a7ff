package dev.tollgate.gateway.routing;

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
        @DefaultValue("5m") Duration maxStale) {

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
        return "RoutingProperties[masterKey=***, masterKeyId=%s, cacheTtl=%s, maxStale=%s]"
                .formatted(masterKeyId, cacheTtl, maxStale);
    }
}
