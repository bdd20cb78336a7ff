package dev.tollgate.admin.tenant;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** Console pages for tenants: the searchable list, the create form and the suspend/activate confirmation. */
@Controller
class TenantConsoleController {

    private static final int PAGE_SIZE = 20;

    private final TenantService tenants;

    TenantConsoleController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/tenants")
    Mono<String> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        return tenants.search(caller, q, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("tenants", found))
                .thenReturn("tenants/list");
    }

    @GetMapping("/tenants/new")
    String form(@AuthenticationPrincipal Caller caller, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        model.addAttribute("form", TenantForm.empty());
        return "tenants/form";
    }

    @PostMapping("/tenants")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @Valid @ModelAttribute("form") TenantForm form,
            BindingResult errors) {
        caller.require(Role.PLATFORM_ADMIN);
        if (errors.hasErrors()) {
            return Mono.just("tenants/form");
        }
        return tenants.create(caller, Actor.of(caller.email(), request), form)
                .map(created -> "redirect:/tenants/" + created.id())
                .onErrorResume(DataIntegrityViolationException.class, taken -> {
                    errors.rejectValue("slug", "taken", "is already taken by another tenant");
                    return Mono.just("tenants/form");
                });
    }

    @GetMapping("/tenants/{tenantId}/limits")
    Mono<String> limitsForm(@AuthenticationPrincipal Caller caller, @PathVariable UUID tenantId, Model model) {
        caller.requireIn(tenantId, "tenant", Role.PLATFORM_ADMIN);
        return tenants.get(caller, tenantId)
                .doOnNext(tenant -> model.addAttribute("tenant", tenant))
                .doOnNext(tenant -> model.addAttribute("form", TenantLimits.of(tenant)))
                .thenReturn("tenants/limits");
    }

    @PostMapping("/tenants/{tenantId}/limits")
    Mono<String> changeLimits(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            @Valid @ModelAttribute("form") TenantLimits form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            return tenants.get(caller, tenantId)
                    .doOnNext(tenant -> model.addAttribute("tenant", tenant))
                    .thenReturn("tenants/limits");
        }
        return tenants.changeLimits(caller, Actor.of(caller.email(), request), tenantId, form)
                .map(changed -> "redirect:/tenants/" + changed.id() + "?limits");
    }

    @GetMapping("/tenants/{tenantId}/{action:suspend|activate}")
    Mono<String> confirm(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID tenantId,
            @PathVariable String action,
            Model model) {
        caller.requireIn(tenantId, "tenant", Role.PLATFORM_ADMIN);
        model.addAttribute("action", action);
        return tenants.get(caller, tenantId)
                .doOnNext(tenant -> model.addAttribute("tenant", tenant))
                .thenReturn("tenants/confirm");
    }

    @PostMapping("/tenants/{tenantId}/{action:suspend|activate}")
    Mono<String> changeStatus(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            @PathVariable String action) {
        String status = "suspend".equals(action) ? "suspended" : "active";
        return tenants.changeStatus(caller, Actor.of(caller.email(), request), tenantId, status)
                .map(changed -> "redirect:/tenants/" + changed.id() + "?" + changed.status());
    }
}
