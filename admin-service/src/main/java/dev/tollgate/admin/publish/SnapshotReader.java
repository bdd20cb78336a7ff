package dev.tollgate.admin.publish;

import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.route.ProviderSnapshot;
import dev.tollgate.model.route.SealedSecret;
import dev.tollgate.model.tenant.TenantSnapshot;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the published form of configuration from Postgres, the source of truth. */
@Component
class SnapshotReader {

    private static final String KEY_SQL = """
            select k.id, k.tenant_id, k.name, k.prefix, k.allowed_models, k.rpm_limit, k.tpm_limit, k.max_tokens,
                   k.status, k.expires_at, k.cache, s.hash, s.valid_until
            from virtual_key k join key_secret s on s.key_id = k.id
            where k.status = 'active' and (s.valid_until is null or s.valid_until > now())
            """;
    private static final String DEPLOYMENT_SQL = """
            select d.id, d.upstream_model, d.weight, d.priority, p.id as provider_id, p.name as provider_name,
                   p.type, p.base_url, p.settings, p.credential_key_id, p.credential_nonce,
                   p.credential_ciphertext, p.credential_last4
            from deployment d join provider p on p.id = d.provider_id
            where d.route_id = :route order by d.priority, d.id
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

    Flux<String> routeNames() {
        return database.sql("select name from model_route order by name")
                .map(row -> row.get(0, String.class))
                .all();
    }

    Flux<String> routeNamesUsing(UUID providerId) {
        return database.sql("""
                        select distinct r.name from model_route r join deployment d on d.route_id = r.id
                        where d.provider_id = :provider
                        """)
                .bind("provider", providerId)
                .map(row -> row.get(0, String.class))
                .all();
    }

    Mono<ModelRoute> route(String name) {
        return database.sql("select id, strategy from model_route where name = :name")
                .bind("name", name)
                .map(row -> new RouteRow(row.get("id", UUID.class), row.get("strategy", String.class)))
                .one()
                .flatMap(route -> deployments(route.id())
                        .collectList()
                        .map(deployments -> new ModelRoute(name, route.strategy(), deployments)));
    }

    private Flux<Deployment> deployments(UUID routeId) {
        return database.sql(DEPLOYMENT_SQL)
                .bind("route", routeId)
                .map(this::deploymentRow)
                .all()
                .concatMap(row -> prices(row.id()).collectList().map(row::withPrices));
    }

    private Flux<PriceVersion> prices(UUID deploymentId) {
        return database.sql("""
                        select effective_from, input_per_mtok, output_per_mtok, cached_input_per_mtok
                        from deployment_price where deployment_id = :id order by effective_from
                        """)
                .bind("id", deploymentId)
                .map(row -> new PriceVersion(
                        row.get("effective_from", Instant.class),
                        row.get("input_per_mtok", BigDecimal.class),
                        row.get("output_per_mtok", BigDecimal.class),
                        row.get("cached_input_per_mtok", BigDecimal.class)))
                .all();
    }

    private DeploymentRow deploymentRow(Readable row) {
        String keyId = row.get("credential_key_id", String.class);
        SealedSecret credential = keyId == null
                ? null
                : new SealedSecret(
                        keyId,
                        row.get("credential_nonce", String.class),
                        row.get("credential_ciphertext", String.class),
                        row.get("credential_last4", String.class));
        ProviderSnapshot provider = new ProviderSnapshot(
                String.valueOf(row.get("provider_id", UUID.class)),
                row.get("provider_name", String.class),
                row.get("type", String.class),
                row.get("base_url", String.class),
                settings(row.get("settings", Json.class)),
                credential);
        return new DeploymentRow(
                row.get("id", UUID.class),
                provider,
                row.get("upstream_model", String.class),
                row.get("weight", Integer.class),
                row.get("priority", Integer.class));
    }

    private @Nullable CacheSettings cache(@Nullable Json cache) {
        return cache == null ? null : json.readValue(cache.asString(), CacheSettings.class);
    }

    private Map<String, String> settings(@Nullable Json settings) {
        return settings == null ? Map.of() : json.readValue(settings.asString(), new TypeReference<>() {});
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

    /** A key's principal and the hash of one of its usable secrets: one Redis entry. */
    record PublishedKey(String hash, KeyPrincipal principal) {}

    private record RouteRow(UUID id, String strategy) {}

    private record DeploymentRow(UUID id, ProviderSnapshot provider, String upstreamModel, int weight, int priority) {
        Deployment withPrices(List<PriceVersion> prices) {
            return new Deployment(String.valueOf(id), provider, upstreamModel, weight, priority, prices);
        }
    }
}
