package dev.tollgate.admin.apikey;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer to creating or rotating a key: the only time its secret is ever shown.
 *
 * @param key the key
 * @param secret the secret to hand to the application
 * @param previousSecretValidUntil after a rotation, when the old secret stops working
 */
record IssuedKey(
        @JsonUnwrapped KeyView key, String secret, @Nullable Instant previousSecretValidUntil) {

    @Override
    public String toString() {
        return "IssuedKey[id=" + key.id() + "]";
    }
}
