package dev.tollgate.admin.security;

import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The console's filter chain, for everything that is not {@code /api/**}: form login against {@code admin_user}
 * (and OpenID Connect sign-in when configured, see {@link OidcLogin}),
 * a session cookie, CSRF tokens on every form, POST-only logout and throttled sign-in. Health, metrics and the
 * OpenAPI document stay public; every other path needs a signed-in user, and what that user may do is decided by the
 * same services the REST API calls.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String COOKIE = "TOLLGATE_SESSION";
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityWebFilterChain consoleSecurity(
            ServerHttpSecurity http,
            AdminUserRepository users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        ThrottledLogin login = new ThrottledLogin(throttle);
        SessionCallerRepository sessions = new SessionCallerRepository(users);
        registrations.ifAvailable(repository -> singleSignOn(http, repository, new OidcLogin(users, sessions)));
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
                        .permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/login", "/css/**", "/js/**", "/favicon.svg")
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .denyAll()
                        .anyExchange()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationManager(new ConsoleAuthentication(users, passwords))
                        .authenticationFailureHandler(login::onFailure)
                        .authenticationSuccessHandler(login::onSuccess))
                .securityContextRepository(sessions)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut()))
                .addFilterBefore(login::filter, SecurityWebFiltersOrder.FORM_LOGIN)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .build();
    }

    /**
     * OpenID Connect sign-in next to the form, only when {@code spring.security.oauth2.client.registration.*} is set
     * (Boot then provides the repository). Only OIDC: the ID token's verified email is what matches an admin user.
     */
    private static void singleSignOn(
            ServerHttpSecurity http, ReactiveClientRegistrationRepository repository, OidcLogin oidc) {
        var manager = new OidcAuthorizationCodeReactiveAuthenticationManager(
                new WebClientReactiveAuthorizationCodeTokenResponseClient(), oidc);
        http.oauth2Login(sso -> sso.clientRegistrationRepository(repository)
                .loginPage("/login")
                .authenticationManager(manager)
                .authenticationSuccessHandler(oidc::onSuccess)
                .authenticationFailureHandler(oidc::onFailure));
    }

    @Bean
    LoginThrottle loginThrottle(ConsoleProperties properties) {
        return new LoginThrottle(properties, Clock.systemUTC());
    }

    /** The session cookie: never readable by scripts, not sent on cross-site subrequests, Secure as configured. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(ConsoleProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(COOKIE);
        resolver.addCookieInitializer(cookie -> {
            cookie.httpOnly(true).sameSite("Lax");
            if (properties.secureCookie() != null) {
                cookie.secure(properties.secureCookie());
            }
        });
        return resolver;
    }

    private static RedirectServerLogoutSuccessHandler loggedOut() {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create("/login?logout"));
        return handler;
    }
}
