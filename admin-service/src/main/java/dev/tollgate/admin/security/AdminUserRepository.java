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

    /** The user whose unexpired token hashes to {@code hash}. */
    Mono<Caller> findByTokenHash(String hash) {
        return database.sql("""
                        select u.id, u.email, u.role, u.tenant_id from api_token t join admin_user u on u.id = t.user_id
                        where t.hash = :hash and (t.expires_at is null or t.expires_at > now())
                        """)
                .bind("hash", hash)
                .map(AdminUserRepository::caller)
                .one();
    }

    /** The user who signs in to the console with {@code email} (compared without regard to case). */
    Mono<ConsoleLogin> findLogin(String email) {
        return database.sql("select id, email, role, tenant_id, password_hash from admin_user"
                        + " where lower(email) = lower(:email)")
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

    /** A console user and the password hash to check a sign-in against. */
    record ConsoleLogin(Caller caller, String passwordHash) {

        @Override
        public String toString() {
            return "ConsoleLogin[" + caller.email() + "]";
        }
    }
}
