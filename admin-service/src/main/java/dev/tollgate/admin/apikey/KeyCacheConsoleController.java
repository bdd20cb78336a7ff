package dev.tollgate.admin.apikey;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

/** The console page for a key's response-cache settings. */
@Controller
class KeyCacheConsoleController {

    private final KeyService keys;

    KeyCacheConsoleController(KeyService keys) {
        this.keys = keys;
    }

    @GetMapping("/keys/{keyId}/cache")
    Mono<String> form(@AuthenticationPrincipal Caller caller, @PathVariable UUID keyId, Model model) {
        return keys.get(caller, keyId)
                .doOnNext(key -> caller.require(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN))
                .doOnNext(key -> model.addAttribute("key", key))
                .doOnNext(key -> model.addAttribute("form", CachePageForm.of(key.cache())))
                .thenReturn("keys/cache");
    }

    @PostMapping("/keys/{keyId}/cache")
    Mono<String> save(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID keyId,
            @Valid @ModelAttribute("form") CachePageForm form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            return keys.get(caller, keyId)
                    .doOnNext(key -> model.addAttribute("key", key))
                    .thenReturn("keys/cache");
        }
        return keys.changeCache(caller, Actor.of(caller.email(), request), keyId, form.toCacheForm())
                .map(key -> "redirect:/tenants/" + key.tenantId() + "?cache");
    }
}
