package dev.tollgate.admin.provider;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.route.SealedSecret;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ProviderRepository {

    private static final String COLUMNS = "id, name, type, base_url, settings, credential_last4, created_at";

    private final DatabaseClient database;
    private final JsonMapper json;

    ProviderRepository(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<ProviderView> insert(
            String name,
            String type,
            @Nullable String baseUrl,
            Map<String, String> settings,
            @Nullable SealedSecret key) {
        return database.sql("""
                        insert into provider (name, type, base_url, settings, credential_key_id, credential_nonce,
                                              credential_ciphertext, credential_last4)
                        values (:name, :type, :url, :settings, :kid, :nonce, :cipher, :last4)
                        returning\s""" + COLUMNS)
                .bind("name", name)
                .bind("type", type)
                .bind("url", Sql.nullable(baseUrl, String.class))
                .bind("settings", Json.of(json.writeValueAsString(settings)))
                .bind("kid", Sql.nullable(key == null ? null : key.keyId(), String.class))
                .bind("nonce", Sql.nullable(key == null ? null : key.nonce(), String.class))
                .bind("cipher", Sql.nullable(key == null ? null : key.ciphertext(), String.class))
                .bind("last4", Sql.nullable(key == null ? null : key.last4(), String.class))
                .map(this::view)
                .one();
    }

    Mono<ProviderView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from provider where id = :id")
                .bind("id", id)
                .map(this::view)
                .one();
    }

    Flux<UUID> existing(Collection<UUID> ids) {
        return database.sql("select id from provider where id = any(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get(0, UUID.class))
                .all();
    }

    Mono<UUID> findIdByName(String name) {
        return database.sql("select id from provider where name = :name")
                .bind("name", name)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Flux<ProviderView> page(Paging paging) {
        return database.sql(
                        "select " + COLUMNS + " from provider order by created_at desc, id limit :limit offset :offset")
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(this::view)
                .all();
    }

    Mono<Long> count() {
        return database.sql("select count(*) from provider")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** Every sealed credential, locked until the re-sealing transaction ends. */
    Flux<StoredCredential> credentialsForUpdate() {
        return database.sql("""
                        select id, credential_key_id, credential_nonce, credential_ciphertext, credential_last4
                        from provider where credential_key_id is not null order by id for update
                        """)
                .map(row -> new StoredCredential(
                        row.get("id", UUID.class),
                        new SealedSecret(
                                row.get("credential_key_id", String.class),
                                row.get("credential_nonce", String.class),
                                row.get("credential_ciphertext", String.class),
                                row.get("credential_last4", String.class))))
                .all();
    }

    Mono<Void> updateCredential(UUID id, SealedSecret sealed) {
        return database.sql("""
                        update provider set credential_key_id = :kid, credential_nonce = :nonce,
                                            credential_ciphertext = :cipher
                        where id = :id
                        """)
                .bind("id", id)
                .bind("kid", sealed.keyId())
                .bind("nonce", sealed.nonce())
                .bind("cipher", sealed.ciphertext())
                .then();
    }

    private ProviderView view(Readable row) {
        Json settings = row.get("settings", Json.class);
        return new ProviderView(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("type", String.class),
                row.get("base_url", String.class),
                settings == null ? Map.of() : json.readValue(settings.asString(), new TypeReference<>() {}),
                row.get("credential_last4", String.class),
                row.get("created_at", Instant.class));
    }

    /** One provider's sealed API key. */
    record StoredCredential(UUID providerId, SealedSecret sealed) {}
}
