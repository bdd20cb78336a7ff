package dev.tollgate.admin.token;

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

/** {@code api_token} rows with their owner's email; the hash is written, never read back. */
@Repository
class TokenRepository {

    private static final String SELECT = """
            select t.id, t.user_id, u.email, t.name, t.scope, t.expires_at, t.last_used_at, t.revoked_at, t.created_at,
                   case when t.revoked_at is not null then 'revoked'
                        when t.expires_at is not null and t.expires_at <= now() then 'expired'
                        else 'active' end as status
            from api_token t join admin_user u on u.id = t.user_id
            """;
    private static final String OWNER = " where (:owner::uuid is null or t.user_id = :owner)";

    private final DatabaseClient database;

    TokenRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<UUID> insert(UUID userId, String hash, String name, String scope, Instant expiresAt) {
        return database.sql("insert into api_token (user_id, hash, name, scope, expires_at)"
                        + " values (:user, :hash, :name, :scope, :expires) returning id")
                .bind("user", userId)
                .bind("hash", hash)
                .bind("name", name)
                .bind("scope", scope)
                .bind("expires", expiresAt)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Mono<TokenView> find(UUID id) {
        return database.sql(SELECT + " where t.id = :id")
                .bind("id", id)
                .map(TokenRepository::view)
                .one();
    }

    Mono<TokenView> findForUpdate(UUID id) {
        return database.sql(SELECT + " where t.id = :id for update of t")
                .bind("id", id)
                .map(TokenRepository::view)
                .one();
    }

    Mono<Void> revoke(UUID id) {
        return database.sql("update api_token set revoked_at = now() where id = :id and revoked_at is null")
                .bind("id", id)
                .then();
    }

    /** A page of {@code owner}'s tokens, or of everyone's without one, newest first. */
    Flux<TokenView> page(@Nullable UUID owner, Paging paging) {
        return database.sql(SELECT + OWNER + " order by t.created_at desc, t.id limit :limit offset :offset")
                .bind("owner", Sql.nullable(owner, UUID.class))
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(TokenRepository::view)
                .all();
    }

    Mono<Long> count(@Nullable UUID owner) {
        return database.sql("select count(*) from api_token t" + OWNER)
                .bind("owner", Sql.nullable(owner, UUID.class))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static TokenView view(Readable row) {
        return new TokenView(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("email", String.class),
                row.get("name", String.class),
                row.get("scope", String.class),
                row.get("status", String.class),
                row.get("expires_at", Instant.class),
                row.get("last_used_at", Instant.class),
                row.get("revoked_at", Instant.class),
                row.get("created_at", Instant.class));
    }
}
