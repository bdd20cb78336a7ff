package dev.tollgate.admin.user;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.admin.tenant.TenantView;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
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

/**
 * Console pages for admin users, platform admins only. A new user's generated password is rendered once, in the
 * answer to the POST that made it, with {@code Cache-Control: no-store}.
 */
@Controller
class UserConsoleController {

    private static final int PAGE_SIZE = 25;

    private final UserService users;
    private final TenantService tenants;

    UserConsoleController(UserService users, TenantService tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    @GetMapping("/users")
    Mono<String> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return users.list(caller, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("users", found))
                .then(withTenants(caller, model, "users/list"));
    }

    @GetMapping("/users/new")
    Mono<String> form(@AuthenticationPrincipal Caller caller, Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        model.addAttribute("form", new UserForm(null, Role.VIEWER, null, null));
        return withTenants(caller, model, "users/new");
    }

    @PostMapping("/users")
    Mono<String> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            ServerHttpResponse response,
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult errors,
            Model model) {
        caller.require(Role.PLATFORM_ADMIN);
        if (errors.hasErrors()) {
            return withTenants(caller, model, "users/new");
        }
        return users.create(caller, Actor.of(caller.email(), request), form)
                .map(created -> showOnce(response, model, created))
                .onErrorResume(DataIntegrityViolationException.class, taken -> {
                    errors.rejectValue("email", "taken", "is already used by another user");
                    return withTenants(caller, model, "users/new");
                })
                .onErrorResume(UserConsoleController::invalid, invalid -> {
                    errors.rejectValue("tenantId", "invalid", tenantMessage(invalid));
                    return withTenants(caller, model, "users/new");
                });
    }

    @GetMapping("/users/{userId}")
    Mono<String> edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID userId, Model model) {
        return users.get(caller, userId)
                .doOnNext(user -> model.addAttribute("user", user))
                .doOnNext(user -> model.addAttribute("form", new UserUpdate(user.role(), user.tenantId(), null)))
                .doOnNext(user -> model.addAttribute("passwordForm", new PasswordForm(null)))
                .then(withTenants(caller, model, "users/edit"));
    }

    @PostMapping("/users/{userId}")
    Mono<String> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID userId,
            @Valid @ModelAttribute("form") UserUpdate form,
            BindingResult errors,
            Model model) {
        model.addAttribute("passwordForm", new PasswordForm(null));
        if (errors.hasErrors()) {
            return editPage(caller, userId, model);
        }
        return users.update(caller, Actor.of(caller.email(), request), userId, form)
                .map(user -> "redirect:/users/" + user.id() + "?saved")
                .onErrorResume(UserConsoleController::invalid, invalid -> {
                    errors.rejectValue("tenantId", "invalid", tenantMessage(invalid));
                    return editPage(caller, userId, model);
                });
    }

    @PostMapping("/users/{userId}/password")
    Mono<String> setPassword(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID userId,
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            return users.get(caller, userId)
                    .doOnNext(user -> model.addAttribute("form", new UserUpdate(user.role(), user.tenantId(), null)))
                    .then(editPage(caller, userId, model));
        }
        return users.setPassword(caller, Actor.of(caller.email(), request), userId, form)
                .thenReturn("redirect:/users/" + userId + "?password");
    }

    @GetMapping("/users/{userId}/{action:disable|enable}")
    Mono<String> confirm(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID userId,
            @PathVariable String action,
            Model model) {
        model.addAttribute("action", action);
        return users.get(caller, userId)
                .doOnNext(user -> model.addAttribute("user", user))
                .thenReturn("users/confirm");
    }

    @PostMapping("/users/{userId}/{action:disable|enable}")
    Mono<String> changeStatus(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID userId,
            @PathVariable String action) {
        boolean disable = "disable".equals(action);
        return users.get(caller, userId)
                .map(user -> new UserUpdate(user.role(), user.tenantId(), disable))
                .flatMap(form -> users.update(caller, Actor.of(caller.email(), request), userId, form))
                .thenReturn("redirect:/users?" + (disable ? "disabled" : "enabled"));
    }

    private Mono<String> editPage(Caller caller, UUID userId, Model model) {
        return users.get(caller, userId)
                .doOnNext(user -> model.addAttribute("user", user))
                .then(withTenants(caller, model, "users/edit"));
    }

    private Mono<String> withTenants(Caller caller, Model model, String view) {
        model.addAttribute("roles", Role.values());
        return tenants.choices(caller)
                .doOnNext(found -> model.addAttribute("tenants", found))
                .doOnNext(found -> model.addAttribute("tenantNames", names(found)))
                .thenReturn(view);
    }

    private static String showOnce(ServerHttpResponse response, Model model, CreatedUser created) {
        // Neither the browser nor any proxy may keep this page: it holds a password that is never shown again.
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("created", created);
        return "users/created";
    }

    private static Map<UUID, String> names(List<TenantView> tenants) {
        return tenants.stream().collect(Collectors.toMap(TenantView::id, TenantView::name));
    }

    private static boolean invalid(Throwable failure) {
        return failure instanceof AdminException admin && !admin.errors().isEmpty();
    }

    private static String tenantMessage(Throwable invalid) {
        return ((AdminException) invalid).errors().getFirst().get("message");
    }
}
