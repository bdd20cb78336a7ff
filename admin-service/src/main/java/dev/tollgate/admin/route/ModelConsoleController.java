package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.provider.ProviderService;
import dev.tollgate.admin.provider.ProviderView;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** Console pages for public models and the deployment that serves each. */
@Controller
class ModelConsoleController {

    private static final int PAGE_SIZE = 20;

    private final RouteService routes;
    private final ProviderService providers;

    ModelConsoleController(RouteService routes, ProviderService providers) {
        this.routes = routes;
        this.providers = providers;
    }

    @GetMapping("/models")
    Mono<String> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return routes.list(new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("models", found))
                .then(providerNames(caller))
                .doOnNext(names -> model.addAttribute("providerNames", names))
                .thenReturn("models/list");
    }

    @GetMapping("/models/new")
    Mono<String> form(@AuthenticationPrincipal Caller caller, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        model.addAttribute("form", ModelPageForm.empty());
        return formPage(caller, model);
    }

    @PostMapping("/models")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @Valid @ModelAttribute("form") ModelPageForm form,
            BindingResult errors,
            Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        if (errors.hasErrors()) {
            return formPage(caller, model);
        }
        return routes.create(caller, Actor.of(caller.email(), request), form.toModelForm())
                .map(created -> "redirect:/models?created=" + created.name())
                .onErrorResume(DataIntegrityViolationException.class, taken -> {
                    errors.rejectValue("name", "taken", "is already a public model");
                    return formPage(caller, model);
                })
                .onErrorResume(ModelConsoleController::isBadRequest, invalid -> {
                    errors.reject("invalid", invalid.getMessage());
                    return formPage(caller, model);
                });
    }

    private Mono<String> formPage(Caller caller, Model model) {
        return providers
                .all(caller)
                .doOnNext(found -> model.addAttribute("providers", found))
                .thenReturn("models/form");
    }

    /** Provider names by id for callers who may see providers; tenant-scoped callers see none. */
    private Mono<Map<UUID, String>> providerNames(Caller caller) {
        if (!caller.platformWide()) {
            return Mono.just(Map.of());
        }
        return providers.all(caller).map(ModelConsoleController::byId);
    }

    private static Map<UUID, String> byId(List<ProviderView> found) {
        return found.stream().collect(Collectors.toMap(ProviderView::id, ProviderView::name, (a, b) -> a));
    }

    private static boolean isBadRequest(Throwable failure) {
        return failure instanceof AdminException admin && admin.status() == HttpStatus.BAD_REQUEST;
    }
}
