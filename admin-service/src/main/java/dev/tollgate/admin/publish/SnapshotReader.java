package dev.tollgate.admin.publish;

import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.tenant.TenantSnapshot;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** Reads the published form of tenants and keys from Postgres, the source of truth; routes are {@link RouteSnapshots}'. */
@Component
class SnapshotReader {

    private static final String KEY_SQL = """
            select k.id, k.tenant_id, k.name, k.prefix, k.allowed_models, k.rpm_limit, k.tpm_limit, k.max_tokens,
                   k.status, k.expires_at, k.cache, s.hash, s.valid_until
            from virtual_key k join key_secret s on s.key_id = k.id
            where k.status = 'active' and (s.valid_until is null or s.valid_until > now())
            """;

    private final DatabaseClient database;
    private final JsonMapper json;

    SnapshotReader(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Flux<TenantSnapshot> tenants(@Nullable UUID id) {
        String where = id == null ? "" : " where id = :id";
        var spec = database.sql("select id, slug, cost_center, status, rpm_limit, tpm_limit from tenant" + where);
        return (id == null ? spec : spec.bind("id", id))
                .map(SnapshotReader::tenant)
                .all();
    }

    /** Every usable secret of one key, or of all keys when {@code keyId} is {@code null}. */
    Flux<PublishedKey> keys(@Nullable UUID keyId) {
        var spec = database.sql(KEY_SQL + (keyId == null ? "" : " and k.id = :id"));
        return (keyId == null ? spec : spec.bind("id", keyId)).map(this::key).all();
    }

    /** Every hash a key ever had that may still be in Redis. */
    Flux<String> allHashes(UUID keyId) {
        return database.sql("select hash from key_secret where key_id = :id")
                .bind("id", keyId)
                .map(row -> row.get(0, String.class))
                .all();
    }

    private static TenantSnapshot tenant(Readable row) {
        return new TenantSnapshot(
                String.valueOf(row.get("id", UUID.class)),
                row.get("slug", String.class),
                row.get("cost_center", String.class),
                row.get("status", String.class),
                row.get("rpm_limit", Integer.class),
                row.get("tpm_limit", Integer.class));
    }

    private PublishedKey key(Readable row) {
        String[] models = row.get("allowed_models", String[].class);
        Instant validUntil = row.get("valid_until", Instant.class);
        KeyPrincipal principal = new KeyPrincipal(
                String.valueOf(row.get("id", UUID.class)),
                String.valueOf(row.get("tenant_id", UUID.class)),
                row.get("name", String.class),
                row.get("prefix", String.class),
                models == null ? List.of() : Arrays.asList(models),
                row.get("rpm_limit", Integer.class),
                row.get("tpm_limit", Integer.class),
                row.get("max_tokens", Integer.class),
                row.get("status", String.class),
                row.get("expires_at", Instant.class),
                validUntil,
                cache(row.get("cache", Json.class)));
        return new PublishedKey(row.get("hash", String.class), principal);
    }

    private @Nullable CacheSettings cache(@Nullable Json cache) {
        return cache == null ? null : json.readValue(cache.asString(), CacheSettings.class);
    }

    /** A key's principal and the hash of one of its usable secrets: one Redis entry. */
    record PublishedKey(String hash, KeyPrincipal principal) {}
}
