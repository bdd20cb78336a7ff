package dev.tollgate.gateway.auth;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The secret a caller presented: {@code Authorization: Bearer …} as OpenAI's clients send it, or the {@code api-key}
 * (Azure OpenAI clients) or {@code x-api-key} (Anthropic clients) header.
 *
 * @param secret the presented secret, never logged or echoed
 */
record PresentedKey(String secret) {

    /** Longer than any issued key: rejected without hashing a megabyte. */
    static final int MAX_LENGTH = 256;

    private static final String BEARER = "bearer ";

    static Optional<PresentedKey> in(HttpHeaders headers) {
        String secret = bearer(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (secret == null) {
            secret = nonBlank(headers.getFirst("api-key"));
        }
        if (secret == null) {
            secret = nonBlank(headers.getFirst("x-api-key"));
        }
        return Optional.ofNullable(secret).map(PresentedKey::new);
    }

    boolean tooLong() {
        return secret.length() > MAX_LENGTH;
    }

    /** What an error message may show: a short start of the secret, never enough to use it. */
    String shownPrefix() {
        int shown = Math.min(8, secret.length() / 3);
        return secret.substring(0, shown) + "****";
    }

    private static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return nonBlank(authorization.substring(BEARER.length()));
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "PresentedKey[" + shownPrefix() + "]";
    }
}
