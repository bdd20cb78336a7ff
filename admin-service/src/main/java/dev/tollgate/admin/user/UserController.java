package dev.tollgate.admin.user;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/** REST API for admin users. There is no DELETE: users are disabled, so the audit log's actors stay known. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CreatedUser> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody UserForm form) {
        return users.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping
    Mono<PageView<UserView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return users.list(caller, new Paging(page, size));
    }

    @GetMapping("/{userId}")
    Mono<UserView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID userId) {
        return users.get(caller, userId);
    }

    @PutMapping("/{userId}")
    Mono<UserView> update(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID userId,
            @Valid @RequestBody UserUpdate form) {
        return users.update(caller, Actor.of(caller.email(), request), userId, form);
    }

    @PostMapping("/{userId}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> setPassword(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID userId,
            @Valid @RequestBody PasswordForm form) {
        return users.setPassword(caller, Actor.of(caller.email(), request), userId, form);
    }
}
