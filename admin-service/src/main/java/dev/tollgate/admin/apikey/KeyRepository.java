package dev.tollgate.admin.apikey;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.SealedSecret;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class KeyRepository {

    private static final String COLUMNS = "id, tenant_id, name, owner, prefix, allowed_models, rpm_limit, tpm_limit,"
            + " max_tokens, expires_at, status, created_by, created_at, last_used_at, cache";

    private final DatabaseClient database;
    private final JsonMapper json;

    KeyRepository(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<KeyView> insert(UUID tenantId, KeyForm form, String prefix, String createdBy) {
        return database.sql("""
                        insert into virtual_key (tenant_id, name, owner, prefix, allowed_models, rpm_limit, tpm_limit,
                                                 max_tokens, expires_at, created_by, cache)
                        values (:tenant, :name, :owner, :prefix, :models, :rpm, :tpm, :max, :expires, :by, :cache)
                        returning\s""" + COLUMNS)
                .bind("tenant", tenantId)
                .bind("name", String.valueOf(form.name()).strip())
                .bind("owner", Sql.nullable(form.owner(), String.class))
                .bind("prefix", prefix)
                .bind(
                        "models",
                        List.copyOf(form.models() == null ? List.of() : form.models())
                                .toArray(String[]::new))
                .bind("rpm", Sql.nullable(form.rpmLimit(), Integer.class))
                .bind("tpm", Sql.nullable(form.tpmLimit(), Integer.class))
                .bind("max", Sql.nullable(form.maxTokens(), Integer.class))
                .bind("expires", Sql.nullable(form.expiresAt(), Instant.class))
                .bind("by", createdBy)
                .bind(
                        "cache",
                        Sql.nullable(
                                jsonOf(
                                        form.cache() == null
                                                ? null
                                                : form.cache().settings()),
                                Json.class))
                .map(this::view)
                .one();
    }

    Mono<KeyView> changeCache(UUID id, @Nullable CacheSettings cache) {
        return database.sql("update virtual_key set cache = :cache where id = :id returning " + COLUMNS)
                .bind("id", id)
                .bind("cache", Sql.nullable(jsonOf(cache), Json.class))
                .map(this::view)
                .one();
    }

    Mono<Void> insertSecret(UUID keyId, String hash) {
        return database.sql("insert into key_secret (key_id, hash) values (:key, :hash)")
                .bind("key", keyId)
                .bind("hash", hash)
                .then();
    }

    /** Ends the grace of every secret still valid past {@code until}, the current one included. */
    Mono<Void> retireSecrets(UUID keyId, Instant until) {
        return database.sql("""
                        update key_secret set valid_until = :until
                        where key_id = :key and (valid_until is null or valid_until > :until)
                        """).bind("key", keyId).bind("until", until).then();
    }

    Mono<KeyView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from virtual_key where id = :id")
                .bind("id", id)
                .map(this::view)
                .one();
    }

    /** Locks the key for the transaction: rotations and revocations of one key run one after another. */
    Mono<KeyView> findForUpdate(UUID id) {
        return database.sql("select " + COLUMNS + " from virtual_key where id = :id for update")
                .bind("id", id)
                .map(this::view)
                .one();
    }

    Mono<KeyView> revoke(UUID id) {
        return database.sql("update virtual_key set status = 'revoked' where id = :id returning " + COLUMNS)
                .bind("id", id)
                .map(this::view)
                .one();
    }

    Flux<KeyView> page(UUID tenantId, Paging paging) {
        return database.sql("select " + COLUMNS + " from virtual_key where tenant_id = :tenant"
                        + " order by created_at, id limit :limit offset :offset")
                .bind("tenant", tenantId)
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(this::view)
                .all();
    }

    Mono<Long> count(UUID tenantId) {
        return database.sql("select count(*) from virtual_key where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** Keys usable now (active and unexpired), of one tenant or, with {@code null}, of all. */
    Mono<Long> countActive(@Nullable UUID tenantId) {
        return database.sql(
                        "select count(*) from virtual_key where status = 'active'"
                                + " and (expires_at is null or expires_at > now()) and (:tenant::uuid is null or tenant_id = :tenant)")
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** The sealed secret of an earlier rotation with this idempotency key, while its grace window lasts. */
    Mono<Rotation> findRotation(UUID keyId, String idempotencyKey) {
        return database.sql("""
                        select sealed_key_id, nonce, ciphertext, expires_at from key_rotation
                        where key_id = :key and idempotency_key = :idem and expires_at > now()
                        """)
                .bind("key", keyId)
                .bind("idem", idempotencyKey)
                .map(row -> new Rotation(
                        new SealedSecret(
                                row.get("sealed_key_id", String.class),
                                row.get("nonce", String.class),
                                row.get("ciphertext", String.class),
                                ""),
                        row.get("expires_at", Instant.class)))
                .one();
    }

    Mono<Void> saveRotation(UUID keyId, String idempotencyKey, SealedSecret sealed, Instant expiresAt) {
        return database.sql("""
                        insert into key_rotation (key_id, idempotency_key, sealed_key_id, nonce, ciphertext, expires_at)
                        values (:key, :idem, :kid, :nonce, :cipher, :expires)
                        on conflict (key_id, idempotency_key) do update set sealed_key_id = excluded.sealed_key_id,
                            nonce = excluded.nonce, ciphertext = excluded.ciphertext, expires_at = excluded.expires_at,
                            created_at = now()
                        """)
                .bind("key", keyId)
                .bind("idem", idempotencyKey)
                .bind("kid", sealed.keyId())
                .bind("nonce", sealed.nonce())
                .bind("cipher", sealed.ciphertext())
                .bind("expires", expiresAt)
                .then();
    }

    private @Nullable Json jsonOf(@Nullable CacheSettings cache) {
        return cache == null ? null : Json.of(json.writeValueAsString(cache));
    }

    private @Nullable CacheSettings cache(Readable row) {
        Json cache = row.get("cache", Json.class);
        return cache == null ? null : json.readValue(cache.asString(), CacheSettings.class);
    }

    private KeyView view(Readable row) {
        String[] models = row.get("allowed_models", String[].class);
        Instant expiresAt = row.get("expires_at", Instant.class);
        String status = row.get("status", String.class);
        boolean expired = "active".equals(status) && expiresAt != null && !expiresAt.isAfter(Instant.now());
        return new KeyView(
                row.get("id", UUID.class),
                row.get("tenant_id", UUID.class),
                row.get("name", String.class),
                row.get("owner", String.class),
                row.get("prefix", String.class),
                models == null ? List.of() : Arrays.asList(models),
                row.get("rpm_limit", Integer.class),
                row.get("tpm_limit", Integer.class),
                row.get("max_tokens", Integer.class),
                expiresAt,
                expired ? "expired" : status,
                row.get("created_by", String.class),
                row.get("created_at", Instant.class),
                row.get("last_used_at", Instant.class),
                cache(row));
    }

    /** A rotation's new secret, sealed, and the end of the window in which a retry gets it back. */
    record Rotation(SealedSecret sealed, Instant expiresAt) {}
}
