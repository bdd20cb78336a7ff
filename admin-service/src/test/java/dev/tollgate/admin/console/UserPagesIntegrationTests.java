package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The Users and API tokens pages over HTTP, and what disabling a user does to their console session. */
class UserPagesIntegrationTests extends AdminIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\" value=\"([^\"]+)\"");

    @Test
    void createsAUserShowingTheOneTimePasswordOnceWithoutCachingIt() {
        ConsoleSession admin = signedIn(user("PLATFORM_ADMIN", null, "write").email());
        String email = unique("page") + "@example.test";

        EntityExchangeResult<String> created =
                admin.post("/users/new", "/users", form("email", email, "role", "VIEWER"));

        assertThat(created.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        String password = secretIn(created.getResponseBody());
        assertThat(ConsoleSession.anonymous(client).signIn(email, password)).isEqualTo("/");
        assertThat(admin.html("/users")).contains(email).doesNotContain(password);
    }

    @Test
    void changesRoleAndTenantAndSetsAPasswordOnTheUserPage() {
        ConsoleSession admin = signedIn(user("PLATFORM_ADMIN", null, "write").email());
        UUID tenant = UUID.fromString(createTenant(unique("edit")));
        TestUser viewer = user("VIEWER", null, "read");
        String page = "/users/" + viewer.id();
        assertThat(admin.html(page))
                .contains("Role and tenant")
                .contains("Set a password")
                .contains("Disable user");

        String saved = admin.post(page, page, form("role", "TENANT_ADMIN", "tenantId", tenant.toString()))
                .getResponseHeaders()
                .getLocation()
                .toString();
        String tooShort =
                admin.post(page, page + "/password", form("password", "short")).getResponseBody();

        assertThat(saved).isEqualTo(page + "?saved");
        assertThat(admin.html(page)).contains("selected=\"selected\">TENANT ADMIN");
        assertThat(tooShort).contains("size must be between 12 and 72");
        String location = admin.post(page, page + "/password", form("password", "a-new-long-password"))
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(location).isEqualTo(page + "?password");
        assertThat(ConsoleSession.anonymous(client).signIn(viewer.email(), "a-new-long-password"))
                .isEqualTo("/");
    }

    @Test
    void asksForATenantWhenMakingATenantAdmin() {
        ConsoleSession admin = signedIn(user("PLATFORM_ADMIN", null, "write").email());

        String page = admin.post(
                        "/users/new", "/users", form("email", unique("ta") + "@example.test", "role", "TENANT_ADMIN"))
                .getResponseBody();

        assertThat(page).contains("is required for TENANT_ADMIN");
    }

    @Test
    void disablingAUserAfterConfirmationEndsTheirSessionAndRefusesTheirSignIn() {
        ConsoleSession admin = signedIn(user("PLATFORM_ADMIN", null, "write").email());
        TestUser viewer = user("VIEWER", null, "read");
        ConsoleSession session = signedIn(viewer.email());
        String confirm = "/users/" + viewer.id() + "/disable";

        assertThat(admin.html(confirm)).contains("Disable user");
        admin.post(confirm, confirm, form());

        session.get("/").expectStatus().is3xxRedirection();
        assertThat(ConsoleSession.anonymous(client).signIn(viewer.email(), USER_PASSWORD))
                .isEqualTo("/login?error");
        get("/api/v1/tenants", viewer.token()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void offersUsersOnlyToPlatformAdmins() {
        UUID tenant = UUID.fromString(createTenant(unique("nav")));
        ConsoleSession tenantAdmin =
                signedIn(user("TENANT_ADMIN", tenant, "write").email());

        assertThat(tenantAdmin.html("/")).doesNotContain("href=\"/users\"").contains("href=\"/tokens\"");
        tenantAdmin.get("/users").expectStatus().isForbidden();
        tenantAdmin.get("/users/new").expectStatus().isForbidden();
    }

    @Test
    void createsATokenShownOnceThenRevokesItAfterConfirmation() {
        TestUser viewer = user("VIEWER", null, "read");
        ConsoleSession session = signedIn(viewer.email());

        EntityExchangeResult<String> issued = session.post(
                "/tokens/new", "/tokens", form("name", "nightly", "scope", "read", "expiresOn", "2099-01-01"));
        assertThat(issued.getResponseBody()).contains("must be at most one year from now");
        issued = session.post(
                "/tokens/new", "/tokens", form("name", "nightly", "scope", "read", "expiresOn", inAMonth()));

        assertThat(issued.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        String token = secretIn(issued.getResponseBody());
        assertThat(token).startsWith("tg-");
        get("/api/v1/tenants", token).exchange().expectStatus().isOk();
        String tokenId = database.sql("select id::text from api_token where hash = :hash")
                .bind("hash", sha256(token))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        assertThat(session.html("/tokens")).contains("nightly").doesNotContain(token);
        String confirm = "/tokens/" + tokenId + "/revoke";
        assertThat(session.html(confirm)).contains("Revoke token");
        session.post(confirm, confirm, form());
        get("/api/v1/tenants", token).exchange().expectStatus().isUnauthorized();
    }

    private ConsoleSession signedIn(String email) {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(email, USER_PASSWORD)).isEqualTo("/");
        return session;
    }

    private static String inAMonth() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1).toString();
    }

    private static String secretIn(String page) {
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("a secret in the page").isTrue();
        return secret.group(1);
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
