package dev.tollgate.admin.token;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** REST API for API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IssuedToken> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody TokenForm form) {
        return tokens.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping
    Mono<PageView<TokenView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return tokens.list(caller, new Paging(page, size));
    }

    /** Revokes the token; it stops working at once. Revoking it again succeeds and changes nothing. */
    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tokenId) {
        return tokens.revoke(caller, Actor.of(caller.email(), request), tokenId).then();
    }
}
