package dev.tollgate.admin.guardrail;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.Paging;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * Console pages for guardrail policies: the list (per scope, or per tenant), the create and edit form with its table of
 * rules, switching a policy on and off, and the delete confirmation.
 */
@Controller
class PolicyConsoleController {

    private static final int PAGE_SIZE = 25;

    private final PolicyService policies;

    PolicyConsoleController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping("/guardrails")
    Mono<String> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String scopeId,
            @RequestParam(required = false) @Nullable String tenant,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String chosenScope = scope != null && PolicyRules.SCOPES.contains(scope) ? scope : null;
        String chosenId = scopeId == null || scopeId.isBlank() ? null : scopeId.strip();
        UUID tenantId = uuidOrNull(tenant);
        model.addAttribute("scope", chosenScope == null ? "" : chosenScope);
        model.addAttribute("scopeId", chosenId == null ? "" : chosenId);
        model.addAttribute("tenant", tenantId == null ? "" : tenantId.toString());
        model.addAttribute("managesAny", PolicyService.managesAny(caller));
        return policies.list(caller, tenantId, chosenScope, chosenId, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("policies", found))
                .doOnNext(found -> model.addAttribute(
                        "manageable",
                        found.items().stream()
                                .filter(policy -> PolicyService.manages(caller, policy))
                                .map(PolicyView::id)
                                .toList()))
                .thenReturn("guardrails/list");
    }

    @GetMapping("/guardrails/new")
    String form(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String scopeId,
            Model model) {
        requireManager(caller);
        String chosen = scope != null && PolicyRules.SCOPES.contains(scope) ? scope : "tenant";
        String id = scopeId == null && "tenant".equals(chosen) && caller.tenantId() != null
                ? caller.tenantId().toString()
                : scopeId;
        model.addAttribute("form", PolicyPageForm.forScope(chosen, id));
        return formPage(caller, model, null);
    }

    @PostMapping("/guardrails")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @ModelAttribute("form") PolicyPageForm form,
            Model model) {
        requireManager(caller);
        return policies.create(caller, Actor.of(caller.email(), request), form.toPolicyForm())
                .map(PolicyConsoleController::savedRedirect)
                .onErrorResume(AdminException.class, refused -> refused(refused, caller, form, model, null))
                .onErrorResume(DataIntegrityViolationException.class, taken -> taken(caller, form, model, null));
    }

    @GetMapping("/guardrails/{policyId}/edit")
    Mono<String> edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID policyId, Model model) {
        return policies.get(caller, policyId)
                .doOnNext(policy -> requireManager(caller, policy))
                .doOnNext(policy -> model.addAttribute("form", PolicyPageForm.of(policy)))
                .map(policy -> formPage(caller, model, policyId));
    }

    @PostMapping("/guardrails/{policyId}")
    Mono<String> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID policyId,
            @ModelAttribute("form") PolicyPageForm form,
            Model model) {
        return policies.update(caller, Actor.of(caller.email(), request), policyId, form.toPolicyForm())
                .map(PolicyConsoleController::savedRedirect)
                .onErrorResume(AdminException.class, refused -> refused(refused, caller, form, model, policyId))
                .onErrorResume(DataIntegrityViolationException.class, taken -> taken(caller, form, model, policyId));
    }

    @PostMapping("/guardrails/{policyId}/{action:enable|disable}")
    Mono<String> enable(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID policyId,
            @PathVariable String action) {
        return policies.enable(caller, Actor.of(caller.email(), request), policyId, action.equals("enable"))
                .map(policy -> listOf(policy) + (policy.enabled() ? "&enabled" : "&disabled"));
    }

    @GetMapping("/guardrails/{policyId}/delete")
    Mono<String> confirmDelete(@AuthenticationPrincipal Caller caller, @PathVariable UUID policyId, Model model) {
        return policies.get(caller, policyId)
                .doOnNext(policy -> requireManager(caller, policy))
                .doOnNext(policy -> model.addAttribute("policy", policy))
                .thenReturn("guardrails/confirm");
    }

    @PostMapping("/guardrails/{policyId}/delete")
    Mono<String> delete(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID policyId) {
        return policies.delete(caller, Actor.of(caller.email(), request), policyId)
                .map(deleted -> listOf(deleted) + "&deleted");
    }

    private static String formPage(Caller caller, Model model, @Nullable UUID policyId) {
        model.addAttribute("policyId", policyId);
        model.addAttribute("scopes", caller.platformAdmin() ? PolicyRules.SCOPES : List.of("tenant", "key"));
        model.addAttribute("detectors", PolicyRules.DETECTORS);
        model.addAttribute("actions", PolicyRules.ACTIONS);
        return "guardrails/form";
    }

    /** A refusal the person can correct is shown on the form; anything else (404, 403) is the error page. */
    private static Mono<String> refused(
            AdminException refused, Caller caller, PolicyPageForm form, Model model, @Nullable UUID policyId) {
        if (refused.status() != HttpStatus.BAD_REQUEST) {
            return Mono.error(refused);
        }
        List<Map<String, String>> problems = refused.errors().isEmpty()
                ? List.of(Map.of("field", "policy", "message", String.valueOf(refused.getMessage())))
                : refused.errors();
        model.addAttribute("problems", problems);
        model.addAttribute("form", form.withSpareRows());
        return Mono.just(formPage(caller, model, policyId));
    }

    private static Mono<String> taken(Caller caller, PolicyPageForm form, Model model, @Nullable UUID policyId) {
        model.addAttribute("problems", List.of(Map.of("field", "name", "message", "is already used in this scope")));
        model.addAttribute("form", form.withSpareRows());
        return Mono.just(formPage(caller, model, policyId));
    }

    private static String savedRedirect(PolicyView policy) {
        return listOf(policy) + "&saved";
    }

    private static String listOf(PolicyView policy) {
        return "redirect:/guardrails?scope=" + policy.scope() + "&scopeId=" + policy.scopeId();
    }

    private static void requireManager(Caller caller) {
        if (!PolicyService.managesAny(caller)) {
            throw AdminException.forbidden("Your role may not change guardrail policies.");
        }
    }

    private static void requireManager(Caller caller, PolicyView policy) {
        if (!PolicyService.manages(caller, policy)) {
            throw AdminException.forbidden("Your role may not change this guardrail policy.");
        }
    }

    private static @Nullable UUID uuidOrNull(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
