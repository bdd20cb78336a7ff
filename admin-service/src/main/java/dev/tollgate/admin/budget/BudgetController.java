package dev.tollgate.admin.budget;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
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

/** REST API for budgets. */
@RestController
@RequestMapping("/api/v1/budgets")
class BudgetController {

    private final BudgetService budgets;

    BudgetController(BudgetService budgets) {
        this.budgets = budgets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<BudgetView> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody BudgetForm form) {
        return budgets.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping
    Mono<PageView<BudgetView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String scope,
            @RequestParam(name = "scope_id", required = false) @Nullable UUID scopeId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return budgets.list(caller, scope, scopeId, null, new Paging(page, size));
    }

    @GetMapping("/{budgetId}")
    Mono<BudgetView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID budgetId) {
        return budgets.get(caller, budgetId);
    }

    @PutMapping("/{budgetId}")
    Mono<BudgetView> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID budgetId,
            @Valid @RequestBody BudgetForm form) {
        return budgets.update(caller, Actor.of(caller.email(), request), budgetId, form);
    }

    @DeleteMapping("/{budgetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID budgetId) {
        return budgets.delete(caller, Actor.of(caller.email(), request), budgetId)
                .then();
    }
}
