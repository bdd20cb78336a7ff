package dev.tollgate.admin.prompt;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The template page's split form: a label's traffic shared between versions by weight, and ending that. A refusal is
 * shown on the template's page.
 */
@Controller
class SplitConsoleController {

    private final SplitService splits;
    private final TemplateService templates;

    SplitConsoleController(SplitService splits, TemplateService templates) {
        this.splits = splits;
        this.templates = templates;
    }

    @PostMapping("/templates/{templateId}/splits")
    Mono<String> split(
            @AuthenticationPrincipal Caller caller,
            ServerWebExchange exchange,
            @PathVariable UUID templateId,
            Model model) {
        Actor actor = Actor.of(caller.email(), exchange.getRequest());
        return exchange.getFormData()
                .flatMap(form -> splits.split(caller, actor, templateId, label(form), shares(form)))
                .map(split -> "redirect:/templates/" + templateId + "?split=" + split.label())
                .onErrorResume(AdminException.class, refused -> refused(caller, templateId, refused, model));
    }

    @PostMapping("/templates/{templateId}/splits/{label}/end")
    Mono<String> end(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable String label) {
        return splits.end(caller, Actor.of(caller.email(), request), templateId, label)
                .thenReturn("redirect:/templates/" + templateId + "?split_ended=" + label);
    }

    /** The caller's mistakes (400, 409, an unknown label or version) go on the page; not seeing it stays a 404. */
    private Mono<String> refused(Caller caller, UUID templateId, AdminException refused, Model model) {
        if (refused.status() == HttpStatus.FORBIDDEN) {
            return Mono.error(refused);
        }
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .doOnNext(detail -> model.addAttribute("manages", TemplateService.manages(caller, detail.template())))
                .doOnNext(detail -> model.addAttribute("splitProblem", problem(refused)))
                .thenReturn("prompts/detail");
    }

    private static String problem(AdminException refused) {
        if (refused.errors().isEmpty()) {
            return String.valueOf(refused.getMessage());
        }
        return String.join(
                "; ",
                refused.errors().stream()
                        .map(error -> error.get("field") + " " + error.get("message"))
                        .toList());
    }

    private static String label(MultiValueMap<String, String> form) {
        String label = form.getFirst("label");
        return label == null ? "" : label.strip();
    }

    /** Version and weight fields paired by position; a row without a version is left out. */
    private static SplitForm shares(MultiValueMap<String, String> form) {
        List<String> versions = form.getOrDefault("version", List.of());
        List<String> weights = form.getOrDefault("weight", List.of());
        List<SplitForm.@Nullable Share> shares = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            if (!versions.get(i).isBlank()) {
                shares.add(new SplitForm.Share(
                        number(versions.get(i)), i < weights.size() ? number(weights.get(i)) : null));
            }
        }
        return new SplitForm(shares);
    }

    private static @Nullable Integer number(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
