package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reports page while the usage service cannot be reached: a clear notice, never an error page. */
class ReportsWithoutUsageIntegrationTests extends AdminIntegrationTest {

    @DynamicPropertySource
    static void unreachableUsageService(DynamicPropertyRegistry registry) {
        // Port 1 on loopback: nothing listens there, so every connection is refused at once.
        registry.add("tollgate.usage.base-url", () -> "http://127.0.0.1:1");
    }

    @Test
    void saysTheUsageServiceIsUnavailableInsteadOfTheReport() {
        ConsoleSession finance = signedIn();

        String page = finance.html("/console/reports");

        assertThat(page)
                .contains("id=\"usage-unavailable\"")
                .contains("The usage service is unavailable right now")
                .contains("id=\"report-form\"")
                .doesNotContain("id=\"chargeback-table\"");
    }

    @Test
    void sendsAFailedCsvDownloadBackToThePageWithANotice() {
        ConsoleSession finance = signedIn();

        String location = finance.get("/console/reports/chargeback.csv?from=2026-11-01&to=2026-12-01")
                .expectStatus()
                .isEqualTo(HttpStatus.SEE_OTHER)
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(location)
                .startsWith("/console/reports?from=2026-11-01&to=2026-12-01")
                .endsWith("&csv_failed");
        assertThat(finance.html(location)).contains("id=\"csv-failed\"");
    }

    private ConsoleSession signedIn() {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(user("FINANCE", null, "write").email(), USER_PASSWORD))
                .isEqualTo("/");
        return session;
    }
}
