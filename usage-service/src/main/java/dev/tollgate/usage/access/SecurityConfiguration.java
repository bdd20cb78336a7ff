package dev.tollgate.usage.access;

import dev.tollgate.usage.problem.ProblemResponses;
import dev.tollgate.usage.system.BlockingRedis;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every path but the actuator's needs a bearer token; what a caller may then read is decided per endpoint by
 * {@link Caller}. Stateless: no session, no CSRF (no cookies are ever accepted).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE) // a context without a server needs none
class SecurityConfiguration {

    @Bean
    BearerAuthenticationManager bearerAuthenticationManager(BlockingRedis redis, AccessProperties properties) {
        Clock clock = Clock.systemUTC();
        return new BearerAuthenticationManager(
                new ApiTokens(redis, clock, properties), new ConsoleTokens(redis, clock, properties));
    }

    /** The firewall's refusals (control characters or encoded separators in the URL) answer in problem details too. */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges() {
        return (exchange, rejected) -> ProblemResponses.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "The request URL or headers contain characters that are not allowed.",
                null);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, BearerAuthenticationManager bearer) {
        ServerAuthenticationEntryPoint unauthenticated = SecurityConfiguration::unauthenticated;
        ServerAccessDeniedHandler denied =
                (exchange, refused) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Access denied", null);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(paths -> paths.pathMatchers("/actuator/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(exchange -> Mono.just(bearer))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    // RFC 6750: a 401 names the scheme; the body says why without echoing the token.
    private static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        String detail = failure.getMessage() == null ? "A bearer token is required" : failure.getMessage();
        return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, detail, null);
    }
}
