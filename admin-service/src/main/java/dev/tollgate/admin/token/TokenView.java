package dev.tollgate.admin.token;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API token as the API shows it: never the token itself, never its hash.
 *
 * @param id the token's id, for revoking it
 * @param userId whose rights it carries
 * @param userEmail that user's email
 * @param name what it is for
 * @param scope {@code read} (GET only) or {@code write}
 * @param status {@code active}, {@code expired} or {@code revoked}
 * @param expiresAt when it stops working
 * @param lastUsedAt when it last authenticated a request, to the minute
 * @param revokedAt when it was revoked
 * @param createdAt when it was issued
 */
record TokenView(
        UUID id,
        UUID userId,
        String userEmail,
        String name,
        String scope,
        String status,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        Instant createdAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
