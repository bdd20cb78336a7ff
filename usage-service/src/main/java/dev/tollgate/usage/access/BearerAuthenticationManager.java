package dev.tollgate.usage.access;

import dev.tollgate.model.access.AccessKeys;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/** Sends each bearer token to the check for its kind: {@code tg-…} API tokens, everything else a console JWT. */
final class BearerAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiTokens apiTokens;
    private final ConsoleTokens consoleTokens;

    BearerAuthenticationManager(ApiTokens apiTokens, ConsoleTokens consoleTokens) {
        this.apiTokens = apiTokens;
        this.consoleTokens = consoleTokens;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Mono<Caller> caller = token.startsWith(AccessKeys.API_TOKEN_PREFIX)
                ? apiTokens.authenticate(token)
                : consoleTokens.authenticate(token);
        return caller.map(CallerAuthentication::new);
    }
}
