package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The tenant-wide limits in the console: set on the create form, changed on their own form, shown on the tenant. */
class TenantLimitsPagesIntegrationTests extends AdminIntegrationTest {

    ConsoleSession admin;

    @BeforeEach
    void signIn() {
        admin = ConsoleSession.anonymous(client);
        assertThat(admin.signIn(user("PLATFORM_ADMIN", null, "write").email(), USER_PASSWORD))
                .isEqualTo("/");
    }

    @Test
    void createsTenantWithLimitsAndShowsThemOnItsPage() {
        MultiValueMap<String, String> form = form("name", "Limited", "slug", unique("pages-limit"));
        form.add("rpmLimit", "600");
        form.add("tpmLimit", "");

        String location = admin.post("/tenants/new", "/tenants", form)
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(admin.html(location)).contains("id=\"tenant-rpm\">600<").contains("id=\"tenant-tpm\">unlimited<");
    }

    @Test
    void changesLimitsAndRejectsNegativeOnesOnTheForm() {
        String tenant = createTenant(unique("pages-relimit"));
        String page = "/tenants/" + tenant + "/limits";

        String refused =
                admin.post(page, page, form("rpmLimit", "-5", "tpmLimit", "")).getResponseBody();
        String location = admin.post(page, page, form("rpmLimit", "0", "tpmLimit", "1000"))
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(refused).contains("Please correct the fields");
        assertThat(admin.html(location))
                .contains("The limits were saved.")
                .contains("id=\"tenant-rpm\">0<")
                .contains("id=\"tenant-tpm\">1,000<");
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
