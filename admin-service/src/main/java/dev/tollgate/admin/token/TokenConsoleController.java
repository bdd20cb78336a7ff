package dev.tollgate.admin.token;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
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
 * Console pages for API tokens: the signed-in user's own (every user's for a platform admin). A new token is
 * rendered once, in the answer to the POST that made it, with {@code Cache-Control: no-store}.
 */
@Controller
class TokenConsoleController {

    private static final int PAGE_SIZE = 25;

    private final TokenService tokens;

    TokenConsoleController(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    Mono<String> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return tokens.list(caller, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("tokens", found))
                .thenReturn("tokens/list");
    }

    @GetMapping("/tokens/new")
    String form(Model model) {
        model.addAttribute("form", TokenPageForm.empty());
        return "tokens/form";
    }

    @PostMapping("/tokens")
    Mono<String> issue(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            ServerHttpResponse response,
            @Valid @ModelAttribute("form") TokenPageForm form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            return Mono.just("tokens/form");
        }
        return tokens.create(caller, Actor.of(caller.email(), request), form.toTokenForm())
                .map(issued -> showOnce(response, model, issued))
                .onErrorResume(AdminException.class, tooLate -> {
                    errors.rejectValue("expiresOn", "range", "must be at most one year from now");
                    return Mono.just("tokens/form");
                });
    }

    @GetMapping("/tokens/{tokenId}/revoke")
    Mono<String> confirm(@AuthenticationPrincipal Caller caller, @PathVariable UUID tokenId, Model model) {
        return tokens.get(caller, tokenId)
                .doOnNext(token -> model.addAttribute("token", token))
                .thenReturn("tokens/confirm");
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    Mono<String> revoke(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tokenId) {
        return tokens.revoke(caller, Actor.of(caller.email(), request), tokenId).thenReturn("redirect:/tokens?revoked");
    }

    private static String showOnce(ServerHttpResponse response, Model model, IssuedToken issued) {
        // Neither the browser nor any proxy may keep this page: it holds a token that is never shown again.
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issued", issued);
        return "tokens/issued";
    }
}
