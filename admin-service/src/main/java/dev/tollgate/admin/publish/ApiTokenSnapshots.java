package dev.tollgate.admin.publish;

import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.access.ApiTokenSnapshot;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads admin API tokens in their published form from Postgres. A token is usable while it is neither revoked nor
 * expired and its user is not disabled, the same rule the admin service applies to its own API.
 *
 * <p>A token without an expiry (the bootstrap token from {@code TOLLGATE_ADMIN_API_TOKEN}) is published as expiring
 * {@link #ROLLING_EXPIRY} ahead, and every resync moves that forward: if the admin service stops republishing, the
 * other services stop trusting it within a day rather than never.
 */
@Component
class ApiTokenSnapshots {

    /** How far ahead a token without an expiry is published to expire. */
    static final Duration ROLLING_EXPIRY = Duration.ofDays(1);

    /** Every published token key and nothing else: the key names a lowercase hex SHA-256. */
    static final Pattern PUBLISHED = Pattern.compile("^tollgate:apitoken:[0-9a-f]{64}$");

    private static final String USABLE = """
            select t.id, t.hash, t.scope, t.expires_at, u.id as user_id, u.email, u.role, u.tenant_id
            from api_token t join admin_user u on u.id = t.user_id
            where t.revoked_at is null and not u.disabled and (t.expires_at is null or t.expires_at > now())
              and (:user::uuid is null or u.id = :user)
            """;

    private final DatabaseClient database;

    ApiTokenSnapshots(DatabaseClient database) {
        this.database = database;
    }

    /** The usable tokens of one user, or of every user when {@code userId} is {@code null}. */
    Flux<PublishedToken> usable(@Nullable UUID userId) {
        Instant now = Instant.now();
        return database.sql(USABLE)
                .bind("user", Sql.nullable(userId, UUID.class))
                .map(row -> token(row, now))
                .all();
    }

    /** The hash of every token the user ever had, usable or not: what may still be in Redis. */
    Flux<String> allHashes(UUID userId) {
        return database.sql("select hash from api_token where user_id = :user")
                .bind("user", userId)
                .map(row -> row.get(0, String.class))
                .all();
    }

    private static PublishedToken token(Readable row, Instant now) {
        Instant expiresAt = row.get("expires_at", Instant.class);
        UUID tenantId = row.get("tenant_id", UUID.class);
        ApiTokenSnapshot snapshot = new ApiTokenSnapshot(
                String.valueOf(row.get("id", UUID.class)),
                String.valueOf(row.get("user_id", UUID.class)),
                row.get("email", String.class),
                row.get("role", String.class),
                tenantId == null ? null : tenantId.toString(),
                row.get("scope", String.class),
                expiresAt == null ? now.plus(ROLLING_EXPIRY) : expiresAt);
        return new PublishedToken(row.get("hash", String.class), snapshot);
    }

    /** A usable token and the SHA-256 it is published under. */
    record PublishedToken(String hash, ApiTokenSnapshot snapshot) {}
}
