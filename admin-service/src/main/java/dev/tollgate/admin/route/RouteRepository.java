package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.ModelView.DeploymentView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class RouteRepository {

    private final DatabaseClient database;

    RouteRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<RouteRow> insertRoute(String name, String strategy) {
        return database.sql("insert into model_route (name, strategy) values (:name, :strategy)"
                        + " returning id, name, strategy, created_at")
                .bind("name", name)
                .bind("strategy", strategy)
                .map(RouteRepository::route)
                .one();
    }

    Mono<UUID> insertDeployment(UUID routeId, DeploymentForm form) {
        return database.sql("""
                        insert into deployment (route_id, provider_id, upstream_model, weight, priority)
                        values (:route, :provider, :model, :weight, :priority) returning id
                        """)
                .bind("route", routeId)
                .bind("provider", Objects.requireNonNull(form.providerId()))
                .bind("model", String.valueOf(form.upstreamModel()).strip())
                .bind("weight", form.weight() == null ? 1 : form.weight())
                .bind("priority", form.priority() == null ? 0 : form.priority())
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Mono<Void> insertPrice(UUID deploymentId, DeploymentForm form) {
        return database.sql("""
                        insert into deployment_price (deployment_id, effective_from, input_per_mtok, output_per_mtok,
                                                      cached_input_per_mtok)
                        values (:deployment, :from, :input, :output, :cached)
                        """)
                .bind("deployment", deploymentId)
                .bind("from", form.effectiveFrom() == null ? Instant.now() : form.effectiveFrom())
                .bind("input", Objects.requireNonNull(form.inputPricePerMtok()))
                .bind("output", Objects.requireNonNull(form.outputPricePerMtok()))
                .bind("cached", Sql.nullable(form.cachedInputPricePerMtok(), BigDecimal.class))
                .then();
    }

    Flux<RouteRow> page(Paging paging) {
        return database.sql("select id, name, strategy, created_at from model_route order by created_at desc, id"
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

    /** A route's deployments with the price version in force now (the latest that has started). */
    Flux<DeploymentView> deployments(UUID routeId) {
        return database.sql("""
                        select d.id, d.provider_id, d.upstream_model, d.weight, d.priority, p.effective_from,
                               p.input_per_mtok, p.output_per_mtok, p.cached_input_per_mtok
                        from deployment d
                        left join lateral (
                            select * from deployment_price dp where dp.deployment_id = d.id
                            order by (dp.effective_from <= now()) desc,
                                     case when dp.effective_from <= now() then dp.effective_from end desc,
                                     dp.effective_from
                            limit 1) p on true
                        where d.route_id = :route order by d.priority, d.id
                        """)
                .bind("route", routeId)
                .map(RouteRepository::deployment)
                .all();
    }

    private static RouteRow route(Readable row) {
        return new RouteRow(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("strategy", String.class),
                row.get("created_at", Instant.class));
    }

    private static DeploymentView deployment(Readable row) {
        return new DeploymentView(
                row.get("id", UUID.class),
                row.get("provider_id", UUID.class),
                row.get("upstream_model", String.class),
                row.get("weight", Integer.class),
                row.get("priority", Integer.class),
                row.get("effective_from", Instant.class),
                money(row.get("input_per_mtok", BigDecimal.class)),
                money(row.get("output_per_mtok", BigDecimal.class)),
                money(row.get("cached_input_per_mtok", BigDecimal.class)));
    }

    private static @Nullable String money(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    record RouteRow(UUID id, String name, String strategy, Instant createdAt) {}
}
