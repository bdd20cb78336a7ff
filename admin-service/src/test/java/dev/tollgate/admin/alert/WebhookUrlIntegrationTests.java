package dev.tollgate.admin.alert;

import dev.tollgate.admin.AdminIntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs under the production rules: https only, no private, loopback, link-local or metadata addresses. */
class WebhookUrlIntegrationTests extends AdminIntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://169.254.169.254/latest/meta-data/",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://[fd00:ec2::254]/",
                "https://[64:ff9b::a9fe:a9fe]/",
                "https://10.0.0.5/hook",
                "https://127.0.0.1/hook",
                "https://[::1]/hook",
                "http://93.184.215.14/hook",
                "ftp://93.184.215.14/hook",
                "https://user:pw@93.184.215.14/hook",
                "not a url"
            })
    void refusesAWebhookUrlThatCouldReachInternalServicesWithProblemDetails(String url) {
        String tenant = createTenant(unique("ssrf"));

        put("/api/v1/tenants/" + tenant + "/webhook", Map.of("url", url), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'url')]")
                .exists();
        get("/api/v1/tenants/" + tenant + "/webhook", ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.configured")
                .isEqualTo(false);
    }
}
