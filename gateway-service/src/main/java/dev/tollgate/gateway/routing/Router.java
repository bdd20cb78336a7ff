package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ModelCatalog;
import dev.tollgate.model.openai.ModelList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves a caller's public model name to its route: published routes first, static routes behind them. A model the
 * caller's key may not use gets exactly the 404 of a model that does not exist, and no upstream is asked.
 */
@Component
public final class Router {

    private final PublishedRoutes published;
    private final ModelCatalog catalog;
    private final DeploymentClients clients;
    private final long listedSince = Instant.now().getEpochSecond();

    Router(PublishedRoutes published, ModelCatalog catalog, DeploymentClients clients) {
        this.published = published;
        this.catalog = catalog;
        this.clients = clients;
    }

    /** The route for {@code model}, or a 404 {@code model_not_found}, or a 503 when routes cannot be read. */
    public Mono<Route> route(Caller caller, String model) {
        if (!caller.allows(model)) {
            return Mono.error(notFound(model));
        }
        return published.find(model).switchIfEmpty(Mono.fromSupplier(() -> staticRoute(model)));
    }

    /**
     * The route for {@code model} when the gateway itself calls it (the semantic cache's embeddings), which no key's
     * allowed models limit; a 404 {@code model_not_found} when nothing serves it.
     */
    public Mono<Route> serving(String model) {
        return resolve(model).switchIfEmpty(Mono.error(() -> notFound(model)));
    }

    /**
     * The route of a model another route falls back to: the caller's key is not asked, since the route's owner chose
     * it. Empty when the model is served nowhere here.
     */
    Mono<Route> resolve(String model) {
        return published
                .find(model)
                .switchIfEmpty(Mono.justOrEmpty(catalog.staticRoute(model)
                        .map(client -> clients.staticRoute(model, Target.ofStatic(model, client)))));
    }

    /**
     * Every deployment that may serve a request for {@code route}: its own, then those of the models it falls back
     * to. A budget hold covers the most expensive of them, so a fallback to a pricier model cannot overshoot a budget.
     * A fallback that is not served here, or cannot be read right now, is left out: the attempt would fail as well.
     */
    public Mono<List<Target>> servingTargets(Route route) {
        if (route.fallbacks().isEmpty()) {
            return Mono.just(route.targets());
        }
        return Flux.fromIterable(route.fallbacks())
                .concatMap(fallback ->
                        resolve(fallback.model()).onErrorResume(GatewayException.class, unreadable -> Mono.empty()))
                .concatMapIterable(Route::targets)
                .startWith(route.targets())
                .collectList();
    }

    /** The models the caller may use that are also served here, in OpenAI's list shape. */
    public Mono<ModelList> models(Caller caller) {
        return published.names().map(names -> visible(caller, names));
    }

    /** One entry of {@link #models}, or a 404 exactly like OpenAI's. */
    public Mono<ModelList.Model> model(Caller caller, String model) {
        return route(caller, model).map(this::listed);
    }

    private Route staticRoute(String model) {
        return catalog.staticRoute(model)
                .map(client -> clients.staticRoute(model, Target.ofStatic(model, client)))
                .orElseThrow(() -> notFound(model));
    }

    private ModelList visible(Caller caller, Set<String> publishedNames) {
        return ModelList.of(owners(publishedNames).entrySet().stream()
                .filter(entry -> caller.allows(entry.getKey()))
                .map(entry -> ModelList.Model.of(entry.getKey(), listedSince, entry.getValue()))
                .toList());
    }

    // Published names first, sorted; static ones after them unless a published route took the name.
    private Map<String, String> owners(Set<String> publishedNames) {
        Map<String, String> owners = new LinkedHashMap<>();
        new TreeSet<>(publishedNames).forEach(name -> owners.put(name, DeploymentClients.PUBLISHED_OWNER));
        catalog.staticModels()
                .forEach(name -> owners.putIfAbsent(name, staticRoute(name).ownedBy()));
        return owners;
    }

    private ModelList.Model listed(Route route) {
        return ModelList.Model.of(route.model(), listedSince, route.ownedBy());
    }

    private static GatewayException notFound(String model) {
        return GatewayException.invalid(
                ErrorCode.MODEL_NOT_FOUND,
                "The model '%s' does not exist or you do not have access to it.".formatted(model),
                "model");
    }
}
