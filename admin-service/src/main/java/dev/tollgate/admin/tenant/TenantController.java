package dev.tollgate.admin.tenant;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** REST API for tenants. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TenantView> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody TenantForm form) {
        return tenants.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping
    Mono<PageView<TenantView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return tenants.list(caller, new Paging(page, size));
    }

    @GetMapping("/{tenantId}")
    Mono<TenantView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID tenantId) {
        return tenants.get(caller, tenantId);
    }

    /** Replaces both tenant-wide limits; a limit left out or {@code null} is removed. */
    @PutMapping("/{tenantId}/limits")
    Mono<TenantView> changeLimits(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            @Valid @RequestBody TenantLimits limits) {
        return tenants.changeLimits(caller, Actor.of(caller.email(), request), tenantId, limits);
    }

    /** Drops every cached answer of the tenant in every gateway. */
    @PostMapping("/{tenantId}/cache/purge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<CachePurge> purgeCache(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tenantId) {
        return tenants.purgeCache(caller, Actor.of(caller.email(), request), tenantId);
    }

    @PostMapping("/{tenantId}/suspend")
    Mono<TenantView> suspend(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tenantId) {
        return tenants.changeStatus(caller, Actor.of(caller.email(), request), tenantId, "suspended");
    }

    @PostMapping("/{tenantId}/activate")
    Mono<TenantView> activate(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tenantId) {
        return tenants.changeStatus(caller, Actor.of(caller.email(), request), tenantId, "active");
    }
}
