package dev.tollgate.admin.apikey;

import dev.tollgate.model.route.CacheSettings;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key as the API lists it: never its secret, only the visible prefix.
 *
 * @param status {@code active}, {@code revoked}, or {@code expired} once {@code expiresAt} has passed
 * @param cache its own response-cache settings; {@code null} for the route's
 */
record KeyView(
        UUID id,
        UUID tenantId,
        String name,
        @Nullable String owner,
        String prefix,
        List<String> models,
        @Nullable Integer rpmLimit,
        @Nullable Integer tpmLimit,
        @Nullable Integer maxTokens,
        @Nullable Instant expiresAt,
        String status,
        String createdBy,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable CacheSettings cache) {}
