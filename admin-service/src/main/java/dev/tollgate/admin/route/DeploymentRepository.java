package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.ModelView.DeploymentView;
import dev.tollgate.admin.route.RouteFacts.StoredDeployment;
import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.route.PriceVersion;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A model's deployments and their price versions. */
@Repository
class DeploymentRepository {

    private final DatabaseClient database;

    DeploymentRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<UUID> insert(UUID routeId, DeploymentForm form) {
        return database.sql("""
                        insert into deployment (route_id, provider_id, upstream_model, weight, priority)
                        values (:route, :provider, :model, :weight, :priority) returning id
                        """)
                .bind("route", routeId)
                .bind("provider", Objects.requireNonNull(form.providerId()))
                .bind("model", String.valueOf(form.upstreamModel()).strip())
                .bind("weight", form.weightOrDefault())
                .bind("priority", form.priorityOrDefault())
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    /** Changes what may change of an existing deployment; its provider stays. */
    Mono<Void> update(UUID id, DeploymentForm form) {
        return database.sql("""
                        update deployment set upstream_model = :model, weight = :weight, priority = :priority
                        where id = :id
                        """)
                .bind("id", id)
                .bind("model", String.valueOf(form.upstreamModel()).strip())
                .bind("weight", form.weightOrDefault())
                .bind("priority", form.priorityOrDefault())
                .then();
    }

    /** Deletes the model's deployments other than {@code kept}, with their price versions. */
    Mono<Void> deleteOthers(UUID routeId, Collection<UUID> kept) {
        return database.sql("delete from deployment where route_id = :route and id <> all(:kept)")
                .bind("route", routeId)
                .bind("kept", kept.toArray(UUID[]::new))
                .then();
    }

    Mono<Void> insertPrice(UUID deploymentId, PriceVersion price) {
        return database.sql("""
                        insert into deployment_price (deployment_id, effective_from, input_per_mtok, output_per_mtok,
                                                      cached_input_per_mtok, cache_write_per_mtok)
                        values (:deployment, :from, :input, :output, :cached, :cacheWrite)
                        """)
                .bind("deployment", deploymentId)
                .bind("from", price.effectiveFrom())
                .bind("input", price.inputPerMtok())
                .bind("output", price.outputPerMtok())
                .bind("cached", Sql.nullable(price.cachedInputPerMtok(), BigDecimal.class))
                .bind("cacheWrite", Sql.nullable(price.cacheWritePerMtok(), BigDecimal.class))
                .then();
    }

    /**
     * A model's deployments with the price version the API shows: in force at {@code now} (the latest that has
     * started), else the next to start. {@code now} comes from the caller rather than the database's transaction
     * start, so a version added in the same transaction is seen as in force.
     */
    Flux<DeploymentView> views(UUID routeId, Instant now) {
        return database.sql("""
                        select d.id, d.provider_id, d.upstream_model, d.weight, d.priority, p.effective_from,
                               p.input_per_mtok, p.output_per_mtok, p.cached_input_per_mtok,
                               p.cache_write_per_mtok
                        from deployment d
                        left join lateral (
                            select * from deployment_price dp where dp.deployment_id = d.id
                            order by (dp.effective_from <= :now) desc,
                                     case when dp.effective_from <= :now then dp.effective_from end desc,
                                     dp.effective_from
                            limit 1) p on true
                        where d.route_id = :route order by d.priority, d.id
                        """)
                .bind("route", routeId)
                .bind("now", now)
                .map(DeploymentRepository::view)
                .all();
    }

    /** A model's deployments with every price version, by id. */
    Mono<Map<UUID, StoredDeployment>> stored(UUID routeId) {
        return database.sql("""
                        select d.id, d.provider_id, p.effective_from, p.input_per_mtok, p.output_per_mtok,
                               p.cached_input_per_mtok, p.cache_write_per_mtok
                        from deployment d left join deployment_price p on p.deployment_id = d.id
                        where d.route_id = :route order by d.id, p.effective_from
                        """)
                .bind("route", routeId)
                .map(row -> new PriceRow(row.get("id", UUID.class), row.get("provider_id", UUID.class), price(row)))
                .all()
                .collectList()
                .map(DeploymentRepository::byDeployment);
    }

    private static Map<UUID, StoredDeployment> byDeployment(List<PriceRow> rows) {
        Map<UUID, StoredDeployment> stored = new LinkedHashMap<>();
        for (PriceRow row : rows) {
            StoredDeployment deployment = stored.computeIfAbsent(
                    row.id(), id -> new StoredDeployment(id, row.providerId(), new ArrayList<>()));
            if (row.price() != null) {
                deployment.prices().add(row.price());
            }
        }
        return stored;
    }

    private static @Nullable PriceVersion price(Readable row) {
        Instant from = row.get("effective_from", Instant.class);
        return from == null
                ? null
                : new PriceVersion(
                        from,
                        Objects.requireNonNull(row.get("input_per_mtok", BigDecimal.class)),
                        Objects.requireNonNull(row.get("output_per_mtok", BigDecimal.class)),
                        row.get("cached_input_per_mtok", BigDecimal.class),
                        row.get("cache_write_per_mtok", BigDecimal.class));
    }

    private static DeploymentView view(Readable row) {
        return new DeploymentView(
                row.get("id", UUID.class),
                row.get("provider_id", UUID.class),
                row.get("upstream_model", String.class),
                row.get("weight", Integer.class),
                row.get("priority", Integer.class),
                row.get("effective_from", Instant.class),
                money(row.get("input_per_mtok", BigDecimal.class)),
                money(row.get("output_per_mtok", BigDecimal.class)),
                money(row.get("cached_input_per_mtok", BigDecimal.class)),
                money(row.get("cache_write_per_mtok", BigDecimal.class)));
    }

    private static @Nullable String money(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private record PriceRow(
            UUID id, UUID providerId, @Nullable PriceVersion price) {}
}
