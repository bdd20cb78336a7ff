package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.alert.AlertIntegrationTest;
import dev.tollgate.admin.alert.WebhookStub;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The alert webhook pages as a tenant admin and a platform admin see them. */
class WebhookPagesIntegrationTests extends AlertIntegrationTest {

    static final WebhookStub stub = WebhookStub.start();
    private static final Pattern SECRET = Pattern.compile("id=\"secret\" value=\"(whsec_[^\"]+)\"");

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @Test
    void createsAWebhookShowingItsSecretOnceThenSendsASignedTestEvent() {
        String tenant = createTenant(unique("pages"));
        ConsoleSession admin = signedIn(user("TENANT_ADMIN", UUID.fromString(tenant), "write"));
        String page = "/tenants/" + tenant + "/webhook";
        String url = stub.endpoint();

        EntityExchangeResult<String> created = admin.post(page, page, form("url", url, "enabled", "true"));
        Matcher secret = SECRET.matcher(created.getResponseBody());
        assertThat(secret.find()).as("the secret on the page after creating").isTrue();
        String shown = admin.html(page);
        EntityExchangeResult<String> tested = admin.post(page, page + "/test", form());

        assertThat(shown).contains(url).doesNotContain(secret.group(1)).doesNotContain("whsec_");
        assertThat(tested.getResponseHeaders().getLocation()).hasToString(page + "?tested=ok&code=200");
        assertThat(stub.received(url)).singleElement().satisfies(received -> {
            assertThat(received.header("x-tollgate-event")).isEqualTo("webhook.test");
            assertThat(received.body()).contains("\"tenant_id\":\"" + tenant + "\"");
        });
        assertThat(admin.html(page + "?tested=ok&code=200")).contains("The test event was delivered (HTTP 200).");
    }

    @Test
    void showsARefusedUrlNextToTheField() {
        String tenant = createTenant(unique("refused"));
        ConsoleSession admin = signedIn(user("PLATFORM_ADMIN", null, "write"));
        String page = "/tenants/" + tenant + "/webhook";

        String html = admin.post(page, page, form("url", "https://169.254.169.254/latest", "enabled", "true"))
                .getResponseBody();

        assertThat(html)
                .contains("must not resolve to a link-local")
                .contains("value=\"https://169.254.169.254/latest\"");
    }

    @Test
    void listsDeliveriesOnTheTenantsPageAndAcrossTenantsForPlatformAdmins() {
        String slug = unique("log");
        String tenant = createTenant(slug);
        String url = stub.endpoint(500);
        createWebhook(tenant, url);
        BudgetThresholdCrossed alert = crossing(tenant);
        xadd(alert.toFields());
        deliveryOnce(alert.alertId(), row -> "delivered".equals(row.get("status")));
        ConsoleSession platform = signedIn(user("PLATFORM_ADMIN", null, "write"));
        ConsoleSession viewer = signedIn(user("VIEWER", UUID.fromString(tenant), "write"));

        String tenantPage = viewer.html("/tenants/" + tenant + "/webhook");
        String alerts = platform.html("/alerts");

        assertThat(tenantPage)
                .contains(alert.alertId())
                .contains("delivered")
                .contains("80%")
                .doesNotContain("id=\"save-webhook\"")
                .doesNotContain("whsec_");
        assertThat(alerts).contains(alert.alertId()).contains(slug);
        viewer.get("/alerts").expectStatus().isForbidden();
    }

    private ConsoleSession signedIn(TestUser user) {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(user.email(), USER_PASSWORD)).isEqualTo("/");
        return session;
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
