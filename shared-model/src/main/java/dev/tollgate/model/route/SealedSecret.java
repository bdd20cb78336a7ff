package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A secret encrypted with AES-256-GCM under a master key ({@code TOLLGATE_MASTER_KEY}); see {@link SecretSealer}.
 *
 * @param keyId which master key sealed it, so keys can rotate
 * @param nonce the 96-bit GCM nonce, base64
 * @param ciphertext the encrypted secret with its 128-bit tag, base64
 * @param last4 the secret's last four characters, the most the console may show
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SealedSecret(@JsonProperty("key_id") String keyId, String nonce, String ciphertext, String last4) {

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", last4=" + last4 + "]";
    }
}
