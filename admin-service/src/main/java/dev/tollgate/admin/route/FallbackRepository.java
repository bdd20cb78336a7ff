package dev.tollgate.admin.route;

import dev.tollgate.model.route.Fallback;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which models a model falls back to, in order, and on which failures. */
@Repository
class FallbackRepository {

    private final DatabaseClient database;

    FallbackRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Replaces the model's fallbacks; {@code ids} holds the id of every target by name. */
    Mono<Void> replace(UUID routeId, List<Fallback> fallbacks, Map<String, UUID> ids) {
        Mono<Void> cleared = database.sql("delete from model_fallback where route_id = :route")
                .bind("route", routeId)
                .then();
        return cleared.thenMany(Flux.range(0, fallbacks.size()))
                .concatMap(position -> insert(routeId, position, fallbacks.get(position), ids))
                .then();
    }

    Flux<Fallback> of(UUID routeId) {
        return database.sql("""
                        select t.name, f.conditions from model_fallback f join model_route t on t.id = f.target_id
                        where f.route_id = :route order by f.position
                        """)
                .bind("route", routeId)
                .map(row -> new Fallback(
                        row.get("name", String.class), Arrays.asList(row.get("conditions", String[].class))))
                .all();
    }

    /** The names of the models that fall back to this one. */
    Flux<String> referrers(UUID targetId) {
        return database.sql("""
                        select r.name from model_fallback f join model_route r on r.id = f.route_id
                        where f.target_id = :target order by r.name
                        """)
                .bind("target", targetId)
                .map(row -> row.get(0, String.class))
                .all();
    }

    private Mono<Void> insert(UUID routeId, int position, Fallback fallback, Map<String, UUID> ids) {
        return database.sql("""
                        insert into model_fallback (route_id, position, target_id, conditions)
                        values (:route, :position, :target, :conditions)
                        """)
                .bind("route", routeId)
                .bind("position", position)
                .bind("target", Objects.requireNonNull(ids.get(fallback.model())))
                .bind("conditions", fallback.on().toArray(String[]::new))
                .then();
    }
}
