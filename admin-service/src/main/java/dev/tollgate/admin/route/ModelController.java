package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.CachePurge;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** REST API for public models and their deployments. */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

    private final RouteService routes;

    ModelController(RouteService routes) {
        this.routes = routes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ModelView> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody ModelForm form) {
        return routes.create(caller, Actor.of(caller.email(), request), form);
    }

    /** Drops every cached answer of one public model in every gateway and tenant. */
    @PostMapping("/{model}/cache/purge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<CachePurge> purgeCache(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable String model) {
        return routes.purgeCache(caller, Actor.of(caller.email(), request), model);
    }

    @GetMapping
    Mono<PageView<ModelView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return routes.list(new Paging(page, size));
    }
}
