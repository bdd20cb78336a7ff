package dev.tollgate.admin.token;

import java.security.SecureRandom;
import java.util.Base64;

/** New API tokens: {@code tg-} and 256 random bits, base64url without padding. */
final class TokenGenerator {

    static final String PREFIX = "tg-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenGenerator() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
