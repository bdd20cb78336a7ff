package dev.tollgate.admin.apikey;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.budget.BudgetBars;
import dev.tollgate.admin.budget.BudgetService;
import dev.tollgate.admin.route.RouteService;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

/**
 * Console pages for a tenant and its keys. A new or rotated secret is rendered once, in the answer to the POST that
 * made it, with {@code Cache-Control: no-store}; no page that can be fetched again ever shows it.
 */
@Controller
class KeyConsoleController {

    private static final int PAGE_SIZE = 25;

    private final KeyService keys;
    private final TenantService tenants;
    private final RouteService routes;
    private final BudgetService budgets;
    private final BudgetBars bars;

    KeyConsoleController(
            KeyService keys, TenantService tenants, RouteService routes, BudgetService budgets, BudgetBars bars) {
        this.keys = keys;
        this.tenants = tenants;
        this.routes = routes;
        this.budgets = budgets;
        this.bars = bars;
    }

    @GetMapping("/tenants/{tenantId}")
    Mono<String> tenant(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        return tenants.get(caller, tenantId)
                .doOnNext(tenant -> model.addAttribute("tenant", tenant))
                .then(keys.list(caller, tenantId, new Paging(page, PAGE_SIZE)))
                .doOnNext(found -> model.addAttribute("keys", found))
                .then(budgets.list(caller, null, null, tenantId, new Paging(0, Paging.MAX_SIZE)))
                .doOnNext(found -> model.addAttribute("budgets", found))
                .doOnNext(found -> model.addAttribute("managesBudgets", BudgetService.manages(caller)))
                .flatMap(found -> bars.of(found.items()))
                .doOnNext(found -> model.addAttribute("bars", found))
                .thenReturn("tenants/detail");
    }

    @GetMapping("/tenants/{tenantId}/keys/new")
    Mono<String> form(@AuthenticationPrincipal Caller caller, @PathVariable UUID tenantId, Model model) {
        caller.requireIn(tenantId, "tenant", Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        model.addAttribute("form", KeyPageForm.empty());
        return formPage(caller, tenantId, model);
    }

    @PostMapping("/tenants/{tenantId}/keys")
    Mono<String> issue(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            ServerHttpResponse response,
            @PathVariable UUID tenantId,
            @Valid @ModelAttribute("form") KeyPageForm form,
            BindingResult errors,
            Model model) {
        caller.requireIn(tenantId, "tenant", Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        if (errors.hasErrors()) {
            return formPage(caller, tenantId, model);
        }
        return keys.create(caller, Actor.of(caller.email(), request), tenantId, form.toKeyForm())
                .map(issued -> showOnce(response, model, issued, "issued"));
    }

    @GetMapping("/keys/{keyId}/{action:revoke|rotate}")
    Mono<String> confirm(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID keyId,
            @PathVariable String action,
            Model model) {
        model.addAttribute("action", action);
        model.addAttribute("graceHours", keys.defaultGrace().toHours());
        return keys.get(caller, keyId)
                .doOnNext(key -> caller.require(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN))
                .doOnNext(key -> model.addAttribute("key", key))
                .thenReturn("keys/confirm");
    }

    @PostMapping("/keys/{keyId}/revoke")
    Mono<String> revoke(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID keyId) {
        return keys.revoke(caller, Actor.of(caller.email(), request), keyId)
                .map(key -> "redirect:/tenants/" + key.tenantId() + "?revoked");
    }

    @PostMapping("/keys/{keyId}/rotate")
    Mono<String> rotate(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            ServerHttpResponse response,
            @PathVariable UUID keyId,
            Model model) {
        return keys.rotate(caller, Actor.of(caller.email(), request), keyId, keys.defaultGrace(), null)
                .map(issued -> showOnce(response, model, issued, "rotated"));
    }

    private Mono<String> formPage(Caller caller, UUID tenantId, Model model) {
        return tenants.get(caller, tenantId)
                .doOnNext(tenant -> model.addAttribute("tenant", tenant))
                .then(routes.names())
                .doOnNext(names -> model.addAttribute("modelNames", names))
                .thenReturn("keys/form");
    }

    private static String showOnce(ServerHttpResponse response, Model model, IssuedKey issued, String how) {
        // Neither the browser nor any proxy may keep this page: it holds a secret that is never shown again.
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issued", issued);
        model.addAttribute("how", how);
        return "keys/issued";
    }
}
