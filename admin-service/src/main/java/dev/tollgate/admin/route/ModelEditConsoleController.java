package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.provider.ProviderService;
import dev.tollgate.admin.provider.ProviderView;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Console pages that change one model: the edit page (strategy, deployments, retries, fallbacks, cache settings) and
 * the delete confirmation. Platform admins only. The page goes through the same checks as the REST API, and its
 * faults are shown next to the fields they concern.
 */
@Controller
class ModelEditConsoleController {

    private final RouteService routes;
    private final RouteChanges changes;
    private final ProviderService providers;
    private final Validator validator;

    ModelEditConsoleController(
            RouteService routes, RouteChanges changes, ProviderService providers, Validator validator) {
        this.routes = routes;
        this.changes = changes;
        this.providers = providers;
        this.validator = validator;
    }

    @GetMapping("/models/{modelId}/edit")
    Mono<String> edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID modelId, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        return routes.get(modelId).map(ModelEditForm::of).flatMap(form -> page(caller, modelId, form, Map.of(), model));
    }

    @PostMapping("/models/{modelId}")
    Mono<String> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            ServerWebExchange exchange,
            @PathVariable UUID modelId,
            Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        Actor actor = Actor.of(caller.email(), request);
        return exchange.getFormData()
                .map(ModelEditForm::from)
                .flatMap(form -> save(caller, actor, modelId, form, model));
    }

    @GetMapping("/models/{modelId}/delete")
    Mono<String> confirmDelete(@AuthenticationPrincipal Caller caller, @PathVariable UUID modelId, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        return routes.get(modelId)
                .doOnNext(found -> model.addAttribute("route", found))
                .flatMap(found -> changes.fallbackOf(modelId))
                .doOnNext(names -> model.addAttribute("fallbackOf", names))
                .thenReturn("models/confirm");
    }

    @PostMapping("/models/{modelId}/delete")
    Mono<String> delete(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID modelId,
            Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        return routes.get(modelId)
                .flatMap(found -> changes.delete(caller, Actor.of(caller.email(), request), modelId, null)
                        .thenReturn("redirect:/models?deleted=" + found.name()))
                .onErrorResume(failure -> hasStatus(failure, HttpStatus.CONFLICT), refused -> {
                    model.addAttribute("refused", refused.getMessage());
                    return confirmDelete(caller, modelId, model);
                });
    }

    private Mono<String> save(Caller caller, Actor actor, UUID modelId, ModelEditForm form, Model model) {
        ConsoleNumbers numbers = ConsoleNumbers.collecting();
        ModelUpdate update = form.toUpdate(numbers);
        Map<String, String> errors = new LinkedHashMap<>(numbers.errors());
        ModelEditErrors.of(validator.validate(update)).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            return page(caller, modelId, form, ModelEditErrors.onPage(form, errors), model);
        }
        return changes.update(caller, actor, modelId, IfMatch.version(form.version()), update)
                .map(updated -> "redirect:/models?saved=" + updated.name())
                .onErrorResume(
                        failure -> hasStatus(failure, HttpStatus.BAD_REQUEST),
                        refused -> page(
                                caller,
                                modelId,
                                form,
                                ModelEditErrors.onPage(form, ModelEditErrors.of((AdminException) refused)),
                                model))
                .onErrorResume(
                        failure -> hasStatus(failure, HttpStatus.PRECONDITION_FAILED),
                        stale -> page(
                                caller,
                                modelId,
                                form,
                                Map.of(
                                        "",
                                        "Someone else changed this model while you edited it."
                                                + " Reload the page to see their change, then make yours again."),
                                model));
    }

    private Mono<String> page(
            Caller caller, UUID modelId, ModelEditForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("unplaced", ModelEditErrors.unplaced(errors));
        model.addAttribute("strategies", RouteRules.STRATEGIES);
        model.addAttribute("conditions", RouteRules.CONDITIONS);
        model.addAttribute("cacheModes", RouteRules.CACHE_MODES);
        return routes.get(modelId)
                .doOnNext(found -> model.addAttribute("route", found))
                .flatMap(found -> otherModels(found.name()))
                .doOnNext(names -> model.addAttribute("otherModels", names))
                .then(providers.all(caller))
                .doOnNext(found -> model.addAttribute("providers", found))
                .doOnNext(found -> model.addAttribute("providerNames", labels(found)))
                .thenReturn("models/edit");
    }

    private Mono<List<String>> otherModels(String self) {
        return routes.names()
                .map(names -> names.stream().filter(name -> !name.equals(self)).toList());
    }

    /** "name (type)" by provider id, for the deployments whose provider is fixed. */
    private static Map<String, String> labels(List<ProviderView> found) {
        Map<String, String> labels = new LinkedHashMap<>();
        found.forEach(provider -> labels.put(provider.id().toString(), provider.name() + " (" + provider.type() + ")"));
        return labels;
    }

    private static boolean hasStatus(Throwable failure, HttpStatus status) {
        return failure instanceof AdminException admin && admin.status() == status;
    }
}
