package dev.tollgate.admin.budget;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
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

/** Console pages for budgets: the filterable list, the create and edit form, and the delete confirmation. */
@Controller
class BudgetConsoleController {

    private static final int PAGE_SIZE = 25;

    private final BudgetService budgets;

    BudgetConsoleController(BudgetService budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/budgets")
    Mono<String> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String scopeId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String chosenScope = "tenant".equals(scope) || "key".equals(scope) ? scope : null;
        UUID chosenId = uuidOrNull(scopeId);
        model.addAttribute("scope", chosenScope == null ? "" : chosenScope);
        model.addAttribute("scopeId", chosenId == null ? "" : chosenId.toString());
        model.addAttribute("manages", BudgetService.manages(caller));
        return budgets.list(caller, chosenScope, chosenId, null, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("budgets", found))
                .thenReturn("budgets/list");
    }

    @GetMapping("/budgets/new")
    String form(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String scopeId,
            Model model) {
        requireManager(caller);
        model.addAttribute("form", BudgetForm.forScope(scope == null ? "tenant" : scope, uuidOrNull(scopeId)));
        return formPage(model, null);
    }

    @PostMapping("/budgets")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @Valid @ModelAttribute("form") BudgetForm form,
            BindingResult errors,
            Model model) {
        requireManager(caller);
        if (errors.hasErrors()) {
            return Mono.just(formPage(model, null));
        }
        return budgets.create(caller, Actor.of(caller.email(), request), form)
                .map(created ->
                        "redirect:/budgets?scope=" + created.scope() + "&scopeId=" + created.scopeId() + "&saved")
                .onErrorResume(DataIntegrityViolationException.class, taken -> taken(errors, model, null));
    }

    @GetMapping("/budgets/{budgetId}/edit")
    Mono<String> edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID budgetId, Model model) {
        requireManager(caller);
        return budgets.get(caller, budgetId)
                .doOnNext(budget -> model.addAttribute("form", BudgetForm.of(budget)))
                .map(budget -> formPage(model, budgetId));
    }

    @PostMapping("/budgets/{budgetId}")
    Mono<String> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID budgetId,
            @Valid @ModelAttribute("form") BudgetForm form,
            BindingResult errors,
            Model model) {
        requireManager(caller);
        if (errors.hasErrors()) {
            return Mono.just(formPage(model, budgetId));
        }
        return budgets.update(caller, Actor.of(caller.email(), request), budgetId, form)
                .map(updated ->
                        "redirect:/budgets?scope=" + updated.scope() + "&scopeId=" + updated.scopeId() + "&saved")
                .onErrorResume(DataIntegrityViolationException.class, taken -> taken(errors, model, budgetId));
    }

    @GetMapping("/budgets/{budgetId}/delete")
    Mono<String> confirmDelete(@AuthenticationPrincipal Caller caller, @PathVariable UUID budgetId, Model model) {
        requireManager(caller);
        return budgets.get(caller, budgetId)
                .doOnNext(budget -> model.addAttribute("budget", budget))
                .thenReturn("budgets/confirm");
    }

    @PostMapping("/budgets/{budgetId}/delete")
    Mono<String> delete(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID budgetId) {
        return budgets.delete(caller, Actor.of(caller.email(), request), budgetId)
                .map(deleted ->
                        "redirect:/budgets?scope=" + deleted.scope() + "&scopeId=" + deleted.scopeId() + "&deleted");
    }

    private static String formPage(Model model, @Nullable UUID budgetId) {
        model.addAttribute("budgetId", budgetId);
        model.addAttribute("periods", BudgetForm.PERIODS);
        return "budgets/form";
    }

    private static Mono<String> taken(BindingResult errors, Model model, @Nullable UUID budgetId) {
        errors.rejectValue("period", "taken", "this scope already has a budget for this period");
        return Mono.just(formPage(model, budgetId));
    }

    private static void requireManager(Caller caller) {
        if (!BudgetService.manages(caller)) {
            throw AdminException.forbidden("Your role may not change budgets.");
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
