package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.system.Sql;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

class ConsoleSecurityIntegrationTests extends AdminIntegrationTest {

    static final String PASSWORD = "console-password-1";

    @Test
    void sendsSignedOutVisitorsToTheLoginPage() {
        client.get()
                .uri("/tenants")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/login");
    }

    @Test
    void setsAnHttpOnlySameSiteSessionCookieAndACsrfFieldOnTheLoginPage() {
        EntityExchangeResult<String> login = client.get()
                .uri("/login")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectBody(String.class)
                .returnResult();

        ResponseCookie cookie = login.getResponseCookies().getFirst(ConsoleSession.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.isSecure()).as("over plain http").isFalse();
        assertThat(ConsoleSession.csrfOf(login.getResponseBody())).isNotBlank();
        assertThat(login.getResponseBody()).doesNotContain("login-error").doesNotContain("login-locked");
        assertThat(login.getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void refusesASignInWithoutCsrfToken() {
        client.post()
                .uri("/login")
                .body(BodyInserters.fromFormData("username", "x@example.test").with("password", "x"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void locksAnEmailOutAfterFiveFailedSignInsEvenWithTheRightPassword() {
        String email = user("VIEWER", null);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(ConsoleSession.anonymous(client).signIn(email, "wrong")).isEqualTo("/login?error");
        }
        assertThat(ConsoleSession.anonymous(client).signIn(email, "wrong")).isEqualTo("/login?locked");
        assertThat(ConsoleSession.anonymous(client).signIn(email, PASSWORD)).isEqualTo("/login?locked");
        assertThat(ConsoleSession.anonymous(client).signIn(user("VIEWER", null), PASSWORD))
                .as("another email")
                .isEqualTo("/");
        assertThat(ConsoleSession.anonymous(client).html("/login?locked")).contains("Too many failed sign-ins");
    }

    @Test
    void logsOutOnlyByPostAndEndsTheSession() {
        ConsoleSession session = signedIn(user("VIEWER", null));
        session.html("/");

        String location = session.post("/", "/logout", new LinkedMultiValueMap<>())
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(location).isEqualTo("/login?logout");
        session.get("/").expectStatus().is3xxRedirection();
    }

    @Test
    void showsAnotherTenantsPagesAsNotFoundWithoutInternals() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        String other = createTenant(unique("other"));
        ConsoleSession session = signedIn(user("TENANT_ADMIN", own));

        String page = session.get("/tenants/" + other)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("tenant not found")
                .doesNotContain("Exception")
                .doesNotContain("at dev.");
        session.get("/tenants/" + other + "/keys/new").expectStatus().isNotFound();
        session.get("/tenants/" + own).expectStatus().isOk();
        session.get("/providers").expectStatus().isForbidden();
        session.get("/audit").expectStatus().isForbidden();
    }

    @Test
    void refusesKeyIssuingAndTenantCreationToAViewer() {
        UUID tenant = UUID.fromString(createTenant(unique("view")));
        ConsoleSession session = signedIn(user("VIEWER", tenant));

        assertThat(session.html("/tenants/" + tenant)).doesNotContain("issue-key");
        session.get("/tenants/" + tenant + "/keys/new").expectStatus().isForbidden();
        session.get("/tenants/new").expectStatus().isForbidden();
    }

    @Test
    void offersSingleSignOnNextToTheFormAndSendsTheBrowserToTheProvider() {
        assertThat(ConsoleSession.anonymous(client).html("/login")).contains("Sign in with Test IdP");

        String location = client.get()
                .uri("/oauth2/authorization/test-idp")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(location)
                .startsWith("https://idp.example.test/authorize?")
                .contains("client_id=tollgate")
                .contains("scope=openid%20email")
                .contains("nonce=");
    }

    @Test
    void explainsARefusedSingleSignOnOnTheSignInPage() {
        assertThat(ConsoleSession.anonymous(client).html("/login?sso-refused"))
                .contains("does not create users on sign-in");
    }

    private ConsoleSession signedIn(String email) {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(email, PASSWORD)).isEqualTo("/");
        return session;
    }

    private String user(String role, UUID tenant) {
        String email = unique("console") + "@example.test";
        database.sql("insert into admin_user (email, password_hash, role, tenant_id) values (:e, :h, :r, :t)")
                .bind("e", email)
                .bind(
                        "h",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(PASSWORD))
                .bind("r", role)
                .bind("t", Sql.nullable(tenant, UUID.class))
                .then()
                .block();
        return email;
    }
}
