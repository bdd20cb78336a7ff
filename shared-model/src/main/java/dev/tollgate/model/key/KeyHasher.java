package dev.tollgate.model.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one definition of how a virtual key's secret is stored and looked up: HMAC-SHA-256 under a server secret
 * ({@code TOLLGATE_KEY_HASH_SECRET}), hex-encoded. The admin service hashes at issue time, the gateway at every request;
 * neither keeps the secret itself. Instances are thread-safe.
 */
public final class KeyHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    /**
     * @param serverSecret the shared server secret; at least 32 bytes of UTF-8
     */
    public KeyHasher(String serverSecret) {
        byte[] bytes = serverSecret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the key hash secret must be at least 32 bytes long");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The lookup hash of {@code secret}. Takes the same time for every secret of the same length. */
    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM ships HmacSHA256", impossible);
        }
    }
}
