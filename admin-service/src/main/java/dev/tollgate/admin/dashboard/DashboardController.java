package dev.tollgate.admin.dashboard;

import dev.tollgate.admin.apikey.KeyService;
import dev.tollgate.admin.audit.AuditTrail;
import dev.tollgate.admin.provider.ProviderService;
import dev.tollgate.admin.route.RouteService;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.tenant.TenantService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/** The home page. Each count covers what the signed-in user may see; providers and audit only platform-wide. */
@Controller
class DashboardController {

    private static final int RECENT = 8;

    private final TenantService tenants;
    private final KeyService keys;
    private final ProviderService providers;
    private final RouteService routes;
    private final AuditTrail audit;

    DashboardController(
            TenantService tenants, KeyService keys, ProviderService providers, RouteService routes, AuditTrail audit) {
        this.tenants = tenants;
        this.keys = keys;
        this.providers = providers;
        this.routes = routes;
        this.audit = audit;
    }

    @GetMapping("/")
    Mono<String> dashboard(@AuthenticationPrincipal Caller caller, Model model) {
        return Mono.when(
                        tenants.count(caller).doOnNext(count -> model.addAttribute("tenantCount", count)),
                        keys.countActive(caller).doOnNext(count -> model.addAttribute("keyCount", count)),
                        providers.count(caller).doOnNext(count -> model.addAttribute("providerCount", count)),
                        routes.count().doOnNext(count -> model.addAttribute("modelCount", count)),
                        audit.recent(caller, RECENT).doOnNext(entries -> model.addAttribute("recent", entries)))
                .thenReturn("dashboard");
    }
}
