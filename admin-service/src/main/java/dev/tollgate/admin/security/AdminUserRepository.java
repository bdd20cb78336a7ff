package dev.tollgate.admin.security;

import dev.tollgate.admin.system.Sql;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Admin users and their API tokens. */
@Repository
class AdminUserRepository {

    private final DatabaseClient database;

    AdminUserRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The enabled user whose unexpired, unrevoked token hashes to {@code hash}, with the token's scope. Notes when the
     * token was last used, at most once a minute, in the same statement.
     */
    Mono<TokenGrant> findByTokenHash(String hash) {
        return database.sql("""
                        with found as (
                            select t.id as token_id, t.scope, t.last_used_at, u.id, u.email, u.role, u.tenant_id
                            from api_token t join admin_user u on u.id = t.user_id
                            where t.hash = :hash and t.revoked_at is null and not u.disabled
                              and (t.expires_at is null or t.expires_at > now())),
                        touched as (
                            update api_token set last_used_at = now()
                            where id = (select token_id from found)
                              and (last_used_at is null or last_used_at < now() - interval '1 minute'))
                        select id, email, role, tenant_id, scope from found
                        """)
                .bind("hash", hash)
                .map(row -> new TokenGrant(caller(row), row.get("scope", String.class)))
                .one();
    }

    /** The user as they are now, or nothing once they are disabled: console sessions are re-checked on each request. */
    Mono<Caller> findEnabled(UUID id) {
        return database.sql("select id, email, role, tenant_id from admin_user where id = :id and not disabled")
                .bind("id", id)
                .map(AdminUserRepository::caller)
                .one();
    }

    /**
     * The enabled user who signs in to the console with {@code email} (compared without regard to case). A disabled
     * user is not found, so their sign-in is refused exactly like an unknown email's.
     */
    Mono<ConsoleLogin> findLogin(String email) {
        return database.sql("select id, email, role, tenant_id, password_hash from admin_user"
                        + " where lower(email) = lower(:email) and not disabled")
                .bind("email", email)
                .map(row -> new ConsoleLogin(caller(row), row.get("password_hash", String.class)))
                .one();
    }

    Mono<Boolean> anyPlatformAdmin() {
        return database.sql("select exists (select 1 from admin_user where role = 'PLATFORM_ADMIN')")
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

    Mono<UUID> findIdByEmail(String email) {
        return database.sql("select id from admin_user where email = :email")
                .bind("email", email)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Mono<UUID> insert(String email, String passwordHash, Role role, @Nullable UUID tenantId) {
        return database.sql("""
                        insert into admin_user (email, password_hash, role, tenant_id)
                        values (:email, :hash, :role, :tenant) returning id
                        """)
                .bind("email", email)
                .bind("hash", passwordHash)
                .bind("role", role.name())
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    /** Registers a token unless its hash is already known; answers whether it was new. */
    Mono<Boolean> insertToken(UUID userId, String hash, String name, @Nullable Instant expiresAt) {
        return database.sql("""
                        insert into api_token (user_id, hash, name, expires_at) values (:user, :hash, :name, :expires)
                        on conflict (hash) do nothing
                        """)
                .bind("user", userId)
                .bind("hash", hash)
                .bind("name", name)
                .bind("expires", Sql.nullable(expiresAt, Instant.class))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private static Caller caller(Readable row) {
        return new Caller(
                row.get("id", UUID.class),
                row.get("email", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("tenant_id", UUID.class));
    }

    /** What an API token grants: its user's rights, narrowed by its scope ({@code read} or {@code write}). */
    record TokenGrant(Caller caller, String scope) {}

    /** A console user and the password hash to check a sign-in against. */
    record ConsoleLogin(Caller caller, String passwordHash) {

        @Override
        public String toString() {
            return "ConsoleLogin[" + caller.email() + "]";
        }
    }
}
