package dev.tollgate.admin.route;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.RetryPolicy;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code model_route} rows: a public name, its strategy, retry policy and cache settings. */
@Repository
class RouteRepository {

    private static final String COLUMNS = """
            id, name, strategy, retry_max_retries, retry_backoff_ms, retry_max_backoff_ms, cache_mode,
            cache_ttl_seconds, cache_per_key, cache_semantic, cache_similarity_threshold, version, created_at,
            updated_at""";
    private static final String POLICIES = """
            strategy = :strategy, retry_max_retries = :retries, retry_backoff_ms = :backoff,
            retry_max_backoff_ms = :maxBackoff, cache_mode = :cacheMode, cache_ttl_seconds = :ttl,
            cache_per_key = :perKey, cache_semantic = :semantic, cache_similarity_threshold = :threshold""";

    private final DatabaseClient database;

    RouteRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<RouteRow> insert(String name, RouteSpec spec) {
        var insert = database.sql("""
                insert into model_route (name, strategy, retry_max_retries, retry_backoff_ms, retry_max_backoff_ms,
                                         cache_mode, cache_ttl_seconds, cache_per_key, cache_semantic,
                                         cache_similarity_threshold)
                values (:name, :strategy, :retries, :backoff, :maxBackoff, :cacheMode, :ttl, :perKey, :semantic,
                        :threshold)
                returning\s""" + COLUMNS);
        return bindPolicies(insert.bind("name", name), spec)
                .map(RouteRepository::route)
                .one();
    }

    /** Replaces the strategy and policies and counts the version up. */
    Mono<RouteRow> update(UUID id, RouteSpec spec) {
        var update = database.sql("update model_route set " + POLICIES
                + ", version = version + 1, updated_at = now() where id = :id returning " + COLUMNS);
        return bindPolicies(update.bind("id", id), spec)
                .map(RouteRepository::route)
                .one();
    }

    /** The row, locked until the transaction ends, so that concurrent changes of one model queue up. */
    Mono<RouteRow> lock(UUID id) {
        return database.sql("select " + COLUMNS + " from model_route where id = :id for update")
                .bind("id", id)
                .map(RouteRepository::route)
                .one();
    }

    Mono<RouteRow> find(UUID id) {
        return database.sql("select " + COLUMNS + " from model_route where id = :id")
                .bind("id", id)
                .map(RouteRepository::route)
                .one();
    }

    Mono<Void> delete(UUID id) {
        return database.sql("delete from model_route where id = :id")
                .bind("id", id)
                .then();
    }

    /** The ids of those of {@code names} that are models. */
    Mono<Map<String, UUID>> idsByName(Collection<String> names) {
        return database.sql("select name, id from model_route where name = any(:names)")
                .bind("names", names.toArray(String[]::new))
                .map(row -> Map.entry(row.get("name", String.class), row.get("id", UUID.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Flux<RouteRow> page(Paging paging) {
        return database.sql("select " + COLUMNS + " from model_route order by created_at desc, id"
                        + " limit :limit offset :offset")
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(RouteRepository::route)
                .all();
    }

    Flux<String> names() {
        return database.sql("select name from model_route order by name")
                .map(row -> row.get(0, String.class))
                .all();
    }

    Mono<Long> count() {
        return database.sql("select count(*) from model_route")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static GenericExecuteSpec bindPolicies(GenericExecuteSpec statement, RouteSpec spec) {
        RetryPolicy retry = spec.retry();
        CacheSettings cache = spec.cache();
        return statement
                .bind("strategy", spec.strategy())
                .bind("retries", Sql.nullable(retry == null ? null : retry.maxRetries(), Integer.class))
                .bind("backoff", Sql.nullable(retry == null ? null : retry.backoffMs(), Integer.class))
                .bind("maxBackoff", Sql.nullable(retry == null ? null : retry.maxBackoffMs(), Integer.class))
                .bind("cacheMode", Sql.nullable(cache == null ? null : cache.mode(), String.class))
                .bind("ttl", Sql.nullable(cache == null ? null : cache.ttlSeconds(), Integer.class))
                .bind("perKey", Sql.nullable(cache == null ? null : cache.perKey(), Boolean.class))
                .bind("semantic", Sql.nullable(cache == null ? null : cache.semantic(), Boolean.class))
                .bind("threshold", Sql.nullable(cache == null ? null : cache.similarityThreshold(), BigDecimal.class));
    }

    private static RouteRow route(Readable row) {
        return new RouteRow(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("strategy", String.class),
                retry(row),
                cache(row),
                row.get("version", Integer.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static @Nullable RetryPolicy retry(Readable row) {
        Integer retries = row.get("retry_max_retries", Integer.class);
        return retries == null
                ? null
                : new RetryPolicy(
                        retries,
                        row.get("retry_backoff_ms", Integer.class),
                        row.get("retry_max_backoff_ms", Integer.class));
    }

    private static @Nullable CacheSettings cache(Readable row) {
        BigDecimal threshold = row.get("cache_similarity_threshold", BigDecimal.class);
        CacheSettings cache = new CacheSettings(
                row.get("cache_mode", String.class),
                row.get("cache_ttl_seconds", Integer.class),
                row.get("cache_per_key", Boolean.class),
                row.get("cache_semantic", Boolean.class),
                threshold == null ? null : threshold.stripTrailingZeros());
        return cache.equals(new CacheSettings(null, null, null, null, null)) ? null : cache;
    }

    /**
     * @param retry {@code null}: the gateway's default
     * @param cache {@code null}: the gateway's settings
     */
    record RouteRow(
            UUID id,
            String name,
            String strategy,
            @Nullable RetryPolicy retry,
            @Nullable CacheSettings cache,
            int version,
            Instant createdAt,
            Instant updatedAt) {}
}
