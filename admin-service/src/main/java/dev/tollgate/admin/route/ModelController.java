package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.CachePurge;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * REST API for public models: their deployments, strategy, retries, fallbacks and cache settings. One model's answers
 * carry its version as the {@code ETag}; a change sent with {@code If-Match} is refused (412) when the model changed
 * in between.
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

    private final RouteService routes;
    private final RouteChanges changes;

    ModelController(RouteService routes, RouteChanges changes) {
        this.routes = routes;
        this.changes = changes;
    }

    @PostMapping
    Mono<ResponseEntity<ModelView>> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody ModelForm form) {
        return routes.create(caller, Actor.of(caller.email(), request), form)
                .map(created -> withEtag(ResponseEntity.status(HttpStatus.CREATED), created));
    }

    @GetMapping
    Mono<PageView<ModelView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return routes.list(new Paging(page, size));
    }

    @GetMapping("/{modelId}")
    Mono<ResponseEntity<ModelView>> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID modelId) {
        return routes.get(modelId).map(found -> withEtag(ResponseEntity.ok(), found));
    }

    /** Replaces the model's routing; see {@link ModelUpdate}. */
    @PutMapping("/{modelId}")
    Mono<ResponseEntity<ModelView>> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID modelId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ModelUpdate form) {
        Actor actor = Actor.of(caller.email(), request);
        return changes.update(caller, actor, modelId, IfMatch.of(ifMatch), form)
                .map(updated -> withEtag(ResponseEntity.ok(), updated));
    }

    /** Deletes the model and unpublishes it; refused (409) while another model falls back to it. */
    @DeleteMapping("/{modelId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID modelId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return changes.delete(caller, Actor.of(caller.email(), request), modelId, IfMatch.of(ifMatch));
    }

    /** Drops every cached answer of one public model in every gateway and tenant. */
    @PostMapping("/{model}/cache/purge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<CachePurge> purgeCache(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable String model) {
        return routes.purgeCache(caller, Actor.of(caller.email(), request), model);
    }

    private static ResponseEntity<ModelView> withEtag(ResponseEntity.BodyBuilder response, ModelView model) {
        return response.eTag(model.etag()).body(model);
    }
}
