package dev.tollgate.admin.security;

import dev.tollgate.admin.system.ConsoleFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every console page needs: the signed-in user ({@code me}), the current path for the navigation
 * ({@code currentPath}), the query parameters ({@code query}), formatting helpers ({@code fmt}) and the CSRF token. WebFlux keeps the token as a
 * {@code Mono} that nothing subscribes to unless asked; resolving it here lets Thymeleaf's {@code th:action} add the
 * hidden {@code _csrf} field to every form.
 */
@ControllerAdvice
class ConsoleModelAdvice {

    private static final ConsoleFormat FORMAT = new ConsoleFormat();

    @ModelAttribute
    Mono<Void> console(ServerWebExchange exchange, Model model) {
        model.addAttribute(
                "currentPath",
                exchange.getRequest().getPath().pathWithinApplication().value());
        model.addAttribute("fmt", FORMAT);
        // Notices such as ?error or ?revoked; Thymeleaf's own "param" object is not reliable under WebFlux.
        model.addAttribute("query", exchange.getRequest().getQueryParams());
        return Mono.when(signedIn(model), csrf(exchange));
    }

    private static Mono<Void> signedIn(Model model) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .ofType(Caller.class)
                .doOnNext(caller -> model.addAttribute("me", caller))
                .then();
    }

    private static Mono<Void> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        return token.doOnNext(resolved ->
                        exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved))
                .then();
    }
}
