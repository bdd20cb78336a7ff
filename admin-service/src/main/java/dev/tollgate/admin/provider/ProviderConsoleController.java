package dev.tollgate.admin.provider;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.Map;
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

/** Console pages for provider accounts. Their API keys go in once and come back as the last four characters only. */
@Controller
class ProviderConsoleController {

    private static final int PAGE_SIZE = 20;

    private final ProviderService providers;

    ProviderConsoleController(ProviderService providers) {
        this.providers = providers;
    }

    @GetMapping("/providers")
    Mono<String> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return providers
                .list(caller, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("providers", found))
                .thenReturn("providers/list");
    }

    @GetMapping("/providers/new")
    String form(@AuthenticationPrincipal Caller caller, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        model.addAttribute("form", ProviderPageForm.empty());
        model.addAttribute("types", ProviderPageForm.TYPES);
        return "providers/form";
    }

    @PostMapping("/providers")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @Valid @ModelAttribute("form") ProviderPageForm form,
            BindingResult errors,
            Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        model.addAttribute("types", ProviderPageForm.TYPES);
        if (errors.hasErrors()) {
            return Mono.just("providers/form");
        }
        // Deferred: the service checks the URL's syntax before it builds its Mono, and may throw right away.
        return Mono.defer(() -> providers.create(caller, Actor.of(caller.email(), request), form.toProviderForm()))
                .map(created -> "redirect:/providers?created=" + created.id())
                .onErrorResume(DataIntegrityViolationException.class, taken -> {
                    errors.rejectValue("name", "taken", "is already used by another provider");
                    return Mono.just("providers/form");
                })
                .onErrorResume(ProviderConsoleController::isBadRequest, invalid -> {
                    reject(errors, (AdminException) invalid);
                    return Mono.just("providers/form");
                });
    }

    /** The service's faults next to the fields they concern; a base URL's are named by its detail alone. */
    private static void reject(BindingResult errors, AdminException invalid) {
        if (invalid.errors().isEmpty()) {
            errors.rejectValue("baseUrl", "invalid", invalid.getMessage().replaceFirst("^base_url ", ""));
            return;
        }
        for (Map<String, String> error : invalid.errors()) {
            String field = ProviderPageForm.FIELDS.get(error.get("field"));
            if (field == null) {
                errors.reject("invalid", error.get("field") + " " + error.get("message"));
            } else {
                errors.rejectValue(field, "invalid", error.get("message"));
            }
        }
    }

    private static boolean isBadRequest(Throwable failure) {
        return failure instanceof AdminException admin && admin.status() == HttpStatus.BAD_REQUEST;
    }
}
