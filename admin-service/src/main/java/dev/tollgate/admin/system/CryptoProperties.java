package dev.tollgate.admin.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server secrets, bound from {@code tollgate.crypto} (environment variables in {@code application.yml}). They have no
 * defaults in any profile: without them the service refuses to start, with a message naming the variable.
 *
 * @param masterKey {@code TOLLGATE_MASTER_KEY}: base64 of 32 bytes; seals provider credentials (AES-256-GCM)
 * @param masterKeyId {@code TOLLGATE_MASTER_KEY_ID}: the id stored with each sealed secret
 * @param masterKeysPrevious {@code TOLLGATE_MASTER_KEYS_PREVIOUS}: {@code id:base64,id:base64} of retired keys that
 *     may still open secrets until {@code POST /api/v1/credentials/reseal} has re-sealed everything
 * @param keyHashSecret {@code TOLLGATE_KEY_HASH_SECRET}: at least 32 bytes; keys the HMAC of virtual-key secrets
 */
@ConfigurationProperties("tollgate.crypto")
public record CryptoProperties(
        @Nullable String masterKey,
        @DefaultValue("k1") String masterKeyId,
        @Nullable String masterKeysPrevious,
        @Nullable String keyHashSecret) {

    public CryptoProperties {
        require(masterKey, "TOLLGATE_MASTER_KEY", "base64 of 32 random bytes: openssl rand -base64 32");
        require(keyHashSecret, "TOLLGATE_KEY_HASH_SECRET", "at least 32 random characters: openssl rand -base64 48");
    }

    /** Every master key by id, the current one included. */
    public Map<String, String> masterKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        String previous = masterKeysPrevious == null ? "" : masterKeysPrevious.strip();
        for (String entry : previous.isEmpty() ? new String[0] : previous.split(",")) {
            String[] idAndKey = entry.strip().split(":", 2);
            if (idAndKey.length != 2) {
                throw new IllegalArgumentException("TOLLGATE_MASTER_KEYS_PREVIOUS must look like id:base64,id:base64");
            }
            keys.put(idAndKey[0], idAndKey[1]);
        }
        keys.put(masterKeyId, String.valueOf(masterKey));
        return keys;
    }

    private static void require(@Nullable String value, String variable, String hint) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set. The admin service does not start without it"
                    + " (" + hint + "); deploy/start-local.sh generates development values.");
        }
    }

    @Override
    public String toString() {
        return "CryptoProperties[masterKeyId=" + masterKeyId + "]";
    }
}
