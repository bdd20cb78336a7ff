package dev.tollgate.admin.apikey;

import java.security.SecureRandom;
import java.util.Base64;

/** New virtual-key secrets: {@code sk-tg-} and 192 random bits, base64url without padding. */
final class SecretGenerator {

    static final String PREFIX = "sk-tg-";
    /** How much of a secret is shown: the marker and six characters, 36 bits, useless for guessing the rest. */
    static final int VISIBLE = PREFIX.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {}

    static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String prefixOf(String secret) {
        return secret.substring(0, VISIBLE);
    }
}
