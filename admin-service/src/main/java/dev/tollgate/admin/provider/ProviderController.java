package dev.tollgate.admin.provider;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.provider.CredentialResealer.ResealResult;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** REST API for provider accounts and for re-sealing their credentials after a master-key rotation. */
@RestController
class ProviderController {

    private final ProviderService providers;
    private final CredentialResealer resealer;

    ProviderController(ProviderService providers, CredentialResealer resealer) {
        this.providers = providers;
        this.resealer = resealer;
    }

    @PostMapping("/api/v1/providers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ProviderView> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody ProviderForm form) {
        return providers.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping("/api/v1/providers")
    Mono<PageView<ProviderView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return providers.list(caller, new Paging(page, size));
    }

    @PostMapping("/api/v1/credentials/reseal")
    Mono<ResealResult> reseal(@AuthenticationPrincipal Caller caller, ServerHttpRequest request) {
        return resealer.reseal(caller, Actor.of(caller.email(), request));
    }
}
