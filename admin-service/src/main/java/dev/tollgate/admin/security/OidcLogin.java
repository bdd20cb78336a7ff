package dev.tollgate.admin.security;

import java.net.URI;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Single sign-on through an OpenID Connect provider, alongside the password form. It never provisions anyone: the
 * provider's user must have a verified email that belongs to an enabled {@code admin_user}, and is then signed in as
 * that user, with the same {@link Caller} principal as a password sign-in. Anyone else is sent back to the sign-in
 * page with {@code ?sso-refused}.
 */
final class OidcLogin implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private static final URI REFUSED = URI.create("/login?sso-refused");
    private static final URI HOME = URI.create("/");

    private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final AdminUserRepository users;
    private final ServerSecurityContextRepository sessions;
    private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    OidcLogin(
            ReactiveOAuth2UserService<OidcUserRequest, OidcUser> provider,
            AdminUserRepository users,
            ServerSecurityContextRepository sessions) {
        this.provider = provider;
        this.users = users;
        this.sessions = sessions;
    }

    OidcLogin(AdminUserRepository users, ServerSecurityContextRepository sessions) {
        this(new OidcReactiveOAuth2UserService(), users, sessions);
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return provider.loadUser(request).flatMap(this::matched);
    }

    /** Replaces the provider's authentication in the session with the matched admin user's. */
    Mono<Void> onSuccess(WebFilterExchange webExchange, Authentication authentication) {
        Caller caller = ((MatchedUser) authentication.getPrincipal()).caller();
        return sessions.save(webExchange.getExchange(), SessionCallerRepository.contextOf(caller))
                .then(redirect.sendRedirect(webExchange.getExchange(), HOME));
    }

    Mono<Void> onFailure(WebFilterExchange webExchange, AuthenticationException failure) {
        return redirect.sendRedirect(webExchange.getExchange(), REFUSED);
    }

    Mono<OidcUser> matched(OidcUser user) {
        String email = user.getEmail();
        if (email == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
            return Mono.error(refused("unverified_email", "The provider did not vouch for an email address."));
        }
        return users.findLogin(email.strip().toLowerCase(Locale.ROOT))
                .switchIfEmpty(Mono.error(() -> refused("unknown_user", "No enabled admin user has this email.")))
                .map(login -> new MatchedUser(user, login.caller()));
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }

    /** The provider's user, with the admin user it was matched to. */
    static final class MatchedUser extends DefaultOidcUser {

        private final Caller caller;

        MatchedUser(OidcUser user, Caller caller) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.caller = caller;
        }

        Caller caller() {
            return caller;
        }
    }
}
