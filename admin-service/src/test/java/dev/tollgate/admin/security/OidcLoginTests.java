package dev.tollgate.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tollgate.admin.security.AdminUserRepository.ConsoleLogin;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OidcLoginTests {

    private final AdminUserRepository users = mock(AdminUserRepository.class);
    private final OidcLogin login = new OidcLogin(users, new WebSessionServerSecurityContextRepository());

    @Test
    void signsInTheEnabledAdminUserWithTheVerifiedEmail() {
        Caller jane = new Caller(UUID.randomUUID(), "jane@example.test", Role.FINANCE, null);
        when(users.findLogin("jane@example.test")).thenReturn(Mono.just(new ConsoleLogin(jane, "{noop}x")));

        login.matched(user("Jane@Example.test", true))
                .as(StepVerifier::create)
                .assertNext(matched ->
                        assertThat(((OidcLogin.MatchedUser) matched).caller()).isEqualTo(jane))
                .verifyComplete();
    }

    @Test
    void refusesAnEmailNoEnabledAdminUserHas() {
        when(users.findLogin(anyString())).thenReturn(Mono.empty());

        login.matched(user("stranger@example.test", true))
                .as(StepVerifier::create)
                .expectError(OAuth2AuthenticationException.class)
                .verify();
    }

    @Test
    void refusesAnEmailTheProviderDidNotVerify() {
        login.matched(user("jane@example.test", false))
                .as(StepVerifier::create)
                .expectError(OAuth2AuthenticationException.class)
                .verify();
    }

    private static OidcUser user(String email, boolean verified) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token")
                .subject("subject-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim("email", email)
                .claim("email_verified", verified)
                .build();
        return new DefaultOidcUser(List.of(), token);
    }
}
