package dev.tollgate.admin.prompt;

import dev.tollgate.admin.report.ReportForm;
import dev.tollgate.admin.report.RequestTimeReports;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;

/**
 * A template's versions compared by what their requests used, cost and took, per label, from the usage service: the
 * console's view of an A/B test of prompts.
 */
@Controller
class TemplateUsageController {

    private final TemplateService templates;
    private final RequestTimeReports reports;

    TemplateUsageController(TemplateService templates, RequestTimeReports reports) {
        this.templates = templates;
        this.reports = reports;
    }

    @GetMapping("/templates/{templateId}/usage")
    Mono<String> usage(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID templateId,
            @ModelAttribute("form") ReportForm form,
            Model model) {
        return templates
                .visible(caller, templateId)
                .doOnNext(template -> model.addAttribute("template", template))
                .flatMap(template -> Mono.defer(
                                () -> reports.templates(caller, form, template.name(), template.tenantId()))
                        .doOnNext(comparison -> model.addAttribute("comparison", comparison))
                        .then()
                        .onErrorResume(
                                failure -> Mono.fromRunnable(() -> model.addAttribute("unavailable", why(failure)))))
                .thenReturn("prompts/usage");
    }

    private static String why(Throwable failure) {
        if (failure instanceof AdminException refused) {
            return refused.status() == HttpStatus.FORBIDDEN
                    ? "Your role may not read usage reports."
                    : String.valueOf(refused.getMessage());
        }
        return RequestTimeReports.failure(failure);
    }
}
