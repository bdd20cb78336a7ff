package dev.tollgate.admin.user;

import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code admin_user} rows, read without their password hash. */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, role, tenant_id, disabled, created_at";

    private final DatabaseClient database;

    UserRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<UserView> insert(String email, String passwordHash, Role role, @Nullable UUID tenantId) {
        return database.sql("insert into admin_user (email, password_hash, role, tenant_id)"
                        + " values (:email, :hash, :role, :tenant) returning " + COLUMNS)
                .bind("email", email)
                .bind("hash", passwordHash)
                .bind("role", role.name())
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .map(UserRepository::view)
                .one();
    }

    Mono<UserView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from admin_user where id = :id")
                .bind("id", id)
                .map(UserRepository::view)
                .one();
    }

    /** Locks the row for the rest of the transaction, so concurrent changes are audited in order. */
    Mono<UserView> findForUpdate(UUID id) {
        return database.sql("select " + COLUMNS + " from admin_user where id = :id for update")
                .bind("id", id)
                .map(UserRepository::view)
                .one();
    }

    Mono<UserView> update(UUID id, Role role, @Nullable UUID tenantId, boolean disabled) {
        return database.sql("update admin_user set role = :role, tenant_id = :tenant, disabled = :disabled,"
                        + " updated_at = now() where id = :id returning " + COLUMNS)
                .bind("id", id)
                .bind("role", role.name())
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .bind("disabled", disabled)
                .map(UserRepository::view)
                .one();
    }

    /**
     * Sets a new password and revokes the user's API tokens in one statement: a reset usually follows a suspected
     * compromise, and tokens issued under the old password must not outlive it.
     */
    Mono<Void> updatePassword(UUID id, String passwordHash) {
        return database.sql("""
                        with revoked as (
                            update api_token set revoked_at = now() where user_id = :id and revoked_at is null)
                        update admin_user set password_hash = :hash, updated_at = now() where id = :id""").bind("id", id).bind("hash", passwordHash).then();
    }

    Flux<UserView> page(Paging paging) {
        return database.sql("select " + COLUMNS + " from admin_user order by created_at desc, id"
                        + " limit :limit offset :offset")
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(UserRepository::view)
                .all();
    }

    Mono<Long> count() {
        return database.sql("select count(*) from admin_user")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static UserView view(Readable row) {
        return new UserView(
                row.get("id", UUID.class),
                row.get("email", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("tenant_id", UUID.class),
                Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
                row.get("created_at", Instant.class));
    }
}
