package dev.tollgate.admin.security;

import dev.tollgate.admin.system.ProblemWriter;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The REST API's filter chain: {@code /api/**} takes bearer API tokens and nothing else (stateless, no CSRF because no
 * cookies). Tokens of the {@code read} scope may only call GET routes. Everything else belongs to the console's chain in {@link ConsoleSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The firewall's refusals (control characters or encoded separators in the URL) answer in problem details too. */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "The request URL or headers contain characters that are not allowed.",
                Map.of());
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, AdminUserRepository users, ProblemWriter problems) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, denied) -> problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "A valid API token is required (Authorization: Bearer …).",
                Map.of());
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> problems.write(
                exchange, HttpStatus.FORBIDDEN, "This API token has the read scope: it may only GET.", Map.of());
        ApiTokenAuthentication tokens = new ApiTokenAuthentication(users);
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(tokens);
        bearer.setServerAuthenticationConverter(tokens);
        bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                // Roles and tenants are checked by the services; the filter only keeps read tokens to GET.
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/api/**")
                        .authenticated()
                        .anyExchange()
                        .hasAuthority(ApiTokenAuthentication.SCOPE + "write"))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix lets a later switch to argon2 keep old hashes valid.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
