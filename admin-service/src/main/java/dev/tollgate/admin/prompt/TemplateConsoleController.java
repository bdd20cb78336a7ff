package dev.tollgate.admin.prompt;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
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

/** Console pages for templates: the list, the create form, a template's page, label moves and diffs. */
@Controller
class TemplateConsoleController {

    private static final int PAGE_SIZE = 25;

    private final TemplateService templates;
    private final VersionService versions;

    TemplateConsoleController(TemplateService templates, VersionService versions) {
        this.templates = templates;
        this.versions = versions;
    }

    @GetMapping("/templates")
    Mono<String> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("creates", caller.has(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN));
        return templates
                .list(caller, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("templates", found))
                .thenReturn("prompts/list");
    }

    @GetMapping("/templates/new")
    String form(@AuthenticationPrincipal Caller caller, Model model) {
        caller.require(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        model.addAttribute("form", new TemplateForm(null, caller.tenantId()));
        return "prompts/new";
    }

    @PostMapping("/templates")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult errors) {
        if (errors.hasErrors()) {
            return Mono.just("prompts/new");
        }
        return templates
                .create(caller, Actor.of(caller.email(), request), form)
                .map(created -> "redirect:/templates/" + created.id())
                .onErrorResume(DataIntegrityViolationException.class, taken -> {
                    errors.rejectValue("name", "taken", "is already used by another template");
                    return Mono.just("prompts/new");
                });
    }

    @GetMapping("/templates/{templateId}")
    Mono<String> detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID templateId, Model model) {
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .doOnNext(detail -> model.addAttribute("manages", TemplateService.manages(caller, detail.template())))
                .thenReturn("prompts/detail");
    }

    @GetMapping("/templates/{templateId}/labels/move")
    Mono<String> confirmMove(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID templateId,
            @RequestParam String label,
            @RequestParam int version,
            Model model) {
        model.addAttribute("label", label.strip());
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .then(versions.get(caller, templateId, version))
                .doOnNext(target -> model.addAttribute("target", target))
                .thenReturn("prompts/label");
    }

    @PostMapping("/templates/{templateId}/labels/{label}")
    Mono<String> move(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable String label,
            @RequestParam int version) {
        return templates
                .moveLabel(caller, Actor.of(caller.email(), request), templateId, label, version)
                .map(moved -> "redirect:/templates/" + templateId + "?moved=" + moved.label());
    }

    @GetMapping("/templates/{templateId}/diff")
    Mono<String> diff(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID templateId,
            @RequestParam int from,
            @RequestParam int to,
            Model model) {
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .then(versions.diff(caller, templateId, from, to))
                .doOnNext(diff -> model.addAttribute("diff", diff))
                .thenReturn("prompts/diff");
    }
}
