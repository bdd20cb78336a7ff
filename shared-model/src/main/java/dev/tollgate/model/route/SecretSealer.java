package dev.tollgate.model.route;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one implementation of the {@link SealedSecret} format, shared by the admin service (which seals) and the gateway
 * (which opens, in memory only). Master keys are 32 bytes, given base64-encoded; the key id is bound into the
 * ciphertext as associated data, so a sealed secret cannot be replayed under another key id.
 */
public final class SecretSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the key that seals new secrets
     * @param base64Keys every key that may still open secrets, by id, base64 of 32 bytes each
     */
    public SecretSealer(String currentKeyId, Map<String, String> base64Keys) {
        this.keys = Map.copyOf(base64Keys.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> aesKey(entry.getValue()))));
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no master key with id " + currentKeyId);
        }
        this.currentKeyId = currentKeyId;
    }

    public SealedSecret seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, currentKeyId, nonce, secret.getBytes(StandardCharsets.UTF_8));
        String last4 = secret.length() <= 4 ? "" : secret.substring(secret.length() - 4);
        Base64.Encoder base64 = Base64.getEncoder();
        return new SealedSecret(currentKeyId, base64.encodeToString(nonce), base64.encodeToString(ciphertext), last4);
    }

    public String open(SealedSecret sealed) {
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] plain = run(
                Cipher.DECRYPT_MODE, sealed.keyId(), base64.decode(sealed.nonce()), base64.decode(sealed.ciphertext()));
        return new String(plain, StandardCharsets.UTF_8);
    }

    /** Whether {@code sealed} was sealed under an older key and should be re-sealed during a key rotation. */
    public boolean needsResealing(SealedSecret sealed) {
        return !currentKeyId.equals(sealed.keyId());
    }

    private byte[] run(int mode, String keyId, byte[] nonce, byte[] input) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no master key with id " + keyId + " is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException(
                    "the secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                            + " with master key " + keyId,
                    failure);
        }
    }

    private static SecretKey aesKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "a master key must be 32 bytes, base64-encoded (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
