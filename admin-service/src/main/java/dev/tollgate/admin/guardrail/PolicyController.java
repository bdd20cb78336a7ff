package dev.tollgate.admin.guardrail;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** REST API for guardrail policies. */
@RestController
@RequestMapping("/api/v1/guardrail-policies")
class PolicyController {

    private final PolicyService policies;

    PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PolicyView> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @RequestBody PolicyForm form) {
        return policies.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping
    Mono<PageView<PolicyView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(name = "tenant_id", required = false) @Nullable UUID tenantId,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(name = "scope_id", required = false) @Nullable String scopeId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return policies.list(caller, tenantId, scope, scopeId, new Paging(page, size));
    }

    @GetMapping("/{policyId}")
    Mono<PolicyView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID policyId) {
        return policies.get(caller, policyId);
    }

    @PutMapping("/{policyId}")
    Mono<PolicyView> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID policyId,
            @RequestBody PolicyForm form) {
        return policies.update(caller, Actor.of(caller.email(), request), policyId, form);
    }

    @PostMapping("/{policyId}/enable")
    Mono<PolicyView> enable(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID policyId) {
        return policies.enable(caller, Actor.of(caller.email(), request), policyId, true);
    }

    @PostMapping("/{policyId}/disable")
    Mono<PolicyView> disable(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID policyId) {
        return policies.enable(caller, Actor.of(caller.email(), request), policyId, false);
    }

    @DeleteMapping("/{policyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID policyId) {
        return policies.delete(caller, Actor.of(caller.email(), request), policyId)
                .then();
    }
}
