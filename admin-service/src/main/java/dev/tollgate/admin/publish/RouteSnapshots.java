package dev.tollgate.admin.publish;

import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.route.ProviderSnapshot;
import dev.tollgate.model.route.RetryPolicy;
import dev.tollgate.model.route.SealedSecret;
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

/**
 * Reads public models in their published form ({@link ModelRoute}) from Postgres: strategy, deployments with their
 * providers' sealed credentials and every price version, retry policy, fallbacks and cache settings.
 */
@Component
class RouteSnapshots {

    private static final String ROUTE_SQL = """
            select id, strategy, retry_max_retries, retry_backoff_ms, retry_max_backoff_ms, cache_mode,
                   cache_ttl_seconds, cache_per_key, cache_semantic, cache_similarity_threshold
            from model_route where name = :name
            """;
    private static final String DEPLOYMENT_SQL = """
            select d.id, d.upstream_model, d.weight, d.priority, p.id as provider_id, p.name as provider_name,
                   p.type, p.base_url, p.settings, p.credential_key_id, p.credential_nonce,
                   p.credential_ciphertext, p.credential_last4
            from deployment d join provider p on p.id = d.provider_id
            where d.route_id = :route order by d.priority, d.id
            """;
    private static final String FALLBACK_SQL = """
            select t.name, f.conditions from model_fallback f join model_route t on t.id = f.target_id
            where f.route_id = :route order by f.position
            """;

    private final DatabaseClient database;
    private final JsonMapper json;

    RouteSnapshots(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Flux<String> names() {
        return database.sql("select name from model_route order by name")
                .map(row -> row.get(0, String.class))
                .all();
    }

    Flux<String> namesUsing(UUID providerId) {
        return database.sql("""
                        select distinct r.name from model_route r join deployment d on d.route_id = r.id
                        where d.provider_id = :provider
                        """)
                .bind("provider", providerId)
                .map(row -> row.get(0, String.class))
                .all();
    }

    /** The published form of one model; empty when there is no such model. */
    Mono<ModelRoute> route(String name) {
        return database.sql(ROUTE_SQL)
                .bind("name", name)
                .map(RouteSnapshots::routeRow)
                .one()
                .flatMap(route -> deployments(route.id()).collectList().map(route::withDeployments))
                .flatMap(route ->
                        fallbacks(route.id()).collectList().map(fallbacks -> route.published(name, fallbacks)));
    }

    private Flux<Deployment> deployments(UUID routeId) {
        return database.sql(DEPLOYMENT_SQL)
                .bind("route", routeId)
                .map(this::deploymentRow)
                .all()
                .concatMap(row -> prices(row.id()).collectList().map(row::withPrices));
    }

    private Flux<Fallback> fallbacks(UUID routeId) {
        return database.sql(FALLBACK_SQL)
                .bind("route", routeId)
                .map(row -> new Fallback(
                        row.get("name", String.class), Arrays.asList(row.get("conditions", String[].class))))
                .all();
    }

    private Flux<PriceVersion> prices(UUID deploymentId) {
        return database.sql("""
                        select effective_from, input_per_mtok, output_per_mtok, cached_input_per_mtok,
                               cache_write_per_mtok
                        from deployment_price where deployment_id = :id order by effective_from
                        """)
                .bind("id", deploymentId)
                .map(row -> new PriceVersion(
                        row.get("effective_from", Instant.class),
                        row.get("input_per_mtok", BigDecimal.class),
                        row.get("output_per_mtok", BigDecimal.class),
                        row.get("cached_input_per_mtok", BigDecimal.class),
                        row.get("cache_write_per_mtok", BigDecimal.class)))
                .all();
    }

    private static RouteRow routeRow(Readable row) {
        Integer retries = row.get("retry_max_retries", Integer.class);
        RetryPolicy retry = retries == null
                ? null
                : new RetryPolicy(
                        retries,
                        row.get("retry_backoff_ms", Integer.class),
                        row.get("retry_max_backoff_ms", Integer.class));
        return new RouteRow(row.get("id", UUID.class), row.get("strategy", String.class), retry, cache(row), List.of());
    }

    private static @Nullable CacheSettings cache(Readable row) {
        BigDecimal threshold = row.get("cache_similarity_threshold", BigDecimal.class);
        CacheSettings cache = new CacheSettings(
                row.get("cache_mode", String.class),
                row.get("cache_ttl_seconds", Integer.class),
                row.get("cache_per_key", Boolean.class),
                row.get("cache_semantic", Boolean.class),
                threshold);
        // Every field left to the gateway is the same as no settings at all.
        return cache.equals(new CacheSettings(null, null, null, null, null)) ? null : cache;
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

    private Map<String, String> settings(@Nullable Json settings) {
        return settings == null ? Map.of() : json.readValue(settings.asString(), new TypeReference<>() {});
    }

    private record RouteRow(
            UUID id,
            String strategy,
            @Nullable RetryPolicy retry,
            @Nullable CacheSettings cache,
            List<Deployment> deployments) {

        RouteRow withDeployments(List<Deployment> found) {
            return new RouteRow(id, strategy, retry, cache, found);
        }

        ModelRoute published(String name, List<Fallback> fallbacks) {
            return new ModelRoute(name, strategy, deployments, retry, fallbacks, cache);
        }
    }

    private record DeploymentRow(UUID id, ProviderSnapshot provider, String upstreamModel, int weight, int priority) {
        Deployment withPrices(List<PriceVersion> prices) {
            return new Deployment(String.valueOf(id), provider, upstreamModel, weight, priority, prices);
        }
    }
}
