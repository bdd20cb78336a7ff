package dev.tollgate.admin.report;

import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.admin.tenant.TenantView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.publisher.Mono;

/**
 * The console's pages on request-time features, per tenant: guardrail policy hits (counts and the newest decisions)
 * and the response cache's hit ratio and savings. Like the reports page, a usage service that cannot answer is said
 * so on the page.
 */
@Controller
class RequestTimeReportController {

    private static final Logger log = LoggerFactory.getLogger(RequestTimeReportController.class);

    private final RequestTimeReports reports;
    private final TenantService tenants;
    private final Clock clock = Clock.systemUTC();

    RequestTimeReportController(RequestTimeReports reports, TenantService tenants) {
        this.reports = reports;
        this.tenants = tenants;
    }

    @GetMapping("/console/reports/guardrails")
    Mono<String> guardrails(
            @AuthenticationPrincipal Caller caller, @ModelAttribute("form") ReportForm form, Model model) {
        return page(
                        caller,
                        form,
                        model,
                        query -> Mono.zipDelayError(
                                        reports.guardrails(caller, query), reports.guardrailEvents(caller, query))
                                .doOnNext(found -> {
                                    model.addAttribute("counts", found.getT1());
                                    model.addAttribute("events", found.getT2());
                                })
                                .then())
                .thenReturn("reports/guardrails");
    }

    @GetMapping("/console/reports/cache")
    Mono<String> cache(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") ReportForm form, Model model) {
        return page(
                        caller,
                        form,
                        model,
                        query -> reports.cache(caller, query)
                                .doOnNext(found -> model.addAttribute("cache", found))
                                .then())
                .thenReturn("reports/cache");
    }

    /** The tenant choices, the checked query, and what {@code fetch} reads; or why it could not. */
    private Mono<Void> page(Caller caller, ReportForm form, Model model, Function<ReportQuery, Mono<Void>> fetch) {
        ReportQuery query;
        try {
            query = ReportQuery.of(caller, form, LocalDate.now(clock));
        } catch (AdminException invalid) {
            if (invalid.status() != HttpStatus.BAD_REQUEST) {
                return Mono.error(invalid);
            }
            model.addAttribute("problems", invalid.errors());
            return tenantChoices(caller, model);
        }
        model.addAttribute("q", query);
        return tenantChoices(caller, model).then(fetch.apply(query).onErrorResume(failure -> {
            log.warn("Reading a report from the usage service failed: {}", failure.toString());
            model.addAttribute("unavailable", UsageFailures.describe(failure));
            return Mono.empty();
        }));
    }

    private Mono<Void> tenantChoices(Caller caller, Model model) {
        return tenants.choices(caller)
                .doOnNext(choices -> model.addAttribute("tenants", choices))
                .doOnNext(choices -> model.addAttribute("slugs", slugs(choices)))
                .then();
    }

    private static Map<String, String> slugs(java.util.List<TenantView> choices) {
        return choices.stream().collect(Collectors.toMap(tenant -> tenant.id().toString(), TenantView::slug));
    }
}
