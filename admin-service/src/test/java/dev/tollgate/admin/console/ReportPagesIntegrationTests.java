package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.report.FakeUsageService;
import dev.tollgate.admin.report.FakeUsageService.Received;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reports page against a fake usage service on a real port, signed in as the different kinds of user. */
class ReportPagesIntegrationTests extends AdminIntegrationTest {

    static final FakeUsageService usage = FakeUsageService.start();

    @DynamicPropertySource
    static void usageService(DynamicPropertyRegistry registry) {
        registry.add("tollgate.usage.base-url", usage::baseUrl);
    }

    @AfterAll
    static void stopUsage() {
        usage.close();
    }

    String first;
    String second;

    @BeforeEach
    void twoTenants() {
        first = unique("rep-a");
        second = unique("rep-b");
        usage.reportTenants(createTenant(first), createTenant(second));
    }

    @Test
    void financeSeesThisMonthsChargebackWithTotalsChartsAndDrift() {
        TestUser finance = user("FINANCE", null, "write");

        String page = signedIn(finance).html("/console/reports");

        assertThat(page)
                .contains(first)
                .contains(second)
                .contains("id=\"chargeback-totals\"")
                .contains("12.75")
                .contains("1,500")
                .contains("id=\"chart-spend-by-tenant\"")
                .contains("id=\"chart-tokens-by-model\"")
                .contains("<polyline")
                .contains("gpt-4o-mini")
                .contains("id=\"drift-table\"")
                .contains("10.000000001")
                .contains("chargeback.csv?");
        Received chargeback = last("/api/v1/reports/chargeback");
        LocalDate firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        assertThat(chargeback.param("from")).isEqualTo(firstOfMonth.toString());
        assertThat(chargeback.param("to")).isEqualTo(firstOfMonth.plusMonths(1).toString());
        assertThat(chargeback.param("timezone")).isEqualTo("UTC");
        assertThat(chargeback.param("group_by")).isEqualTo("tenant");
        assertThat(chargeback.param("format")).isEqualTo("json");
        assertThat(chargeback.claims().getSubject()).isEqualTo(finance.id().toString());
        assertThat(chargeback.claims().getClaim("role")).isEqualTo("FINANCE");
        assertThat(chargeback.claims().getAudience()).containsExactly("tollgate-usage");
    }

    @Test
    void downloadsTheChargebackCsvAsAnAttachmentNamedForThePeriod() {
        ConsoleSession finance = signedIn(user("FINANCE", null, "write"));

        var result = finance.get(
                        "/console/reports/chargeback.csv?from=2026-11-01&to=2026-12-01&timezone=America/Argentina/Buenos_Aires"
                                + "&groupBy=tenant&groupBy=model&groupBy=tag&tag=team")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Content-Disposition", "attachment; filename=\"chargeback_2026-11-01_2026-12-01.csv\"")
                .expectHeader()
                .valueMatches("Content-Type", "text/csv.*")
                .expectBody(String.class)
                .returnResult();

        List<String> lines = result.getResponseBody().lines().toList();
        assertThat(lines.get(0)).startsWith("tenant,requests");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("TOTAL," + String.join(",", FakeUsageService.TOTALS) + ",USD");
        Received csv = last("/api/v1/reports/chargeback");
        assertThat(csv.param("format")).isEqualTo("csv");
        assertThat(csv.param("totals")).isEqualTo("true");
        assertThat(csv.param("timezone")).isEqualTo("America/Argentina/Buenos_Aires");
        assertThat(csv.param("group_by")).isEqualTo("tenant,model,tag:team");
    }

    @Test
    void tenantScopedUserOnlyEverAsksForTheirOwnTenant() {
        UUID own = UUID.fromString(createTenant(unique("rep-own")));
        UUID other = UUID.fromString(createTenant(unique("rep-other")));
        ConsoleSession tenantAdmin = signedIn(user("TENANT_ADMIN", own, "write"));

        String page = tenantAdmin.html("/console/reports?tenant=" + other);

        assertThat(page)
                .contains("id=\"chargeback-table\"")
                .doesNotContain("id=\"report-tenant\"")
                .doesNotContain("id=\"drift\"");
        Received chargeback = last("/api/v1/reports/chargeback");
        assertThat(chargeback.param("tenant")).isEqualTo(own.toString());
        assertThat(chargeback.claims().getClaim("tenant_id")).isEqualTo(own.toString());
        assertThat(usage.received)
                .filteredOn(received -> received.path().endsWith("/drift"))
                .noneMatch(received -> own.toString().equals(received.claims().getClaim("tenant_id")));
    }

    @Test
    void submittedFormWithAllTenantsAndNoTagAsksForEveryTenant() {
        ConsoleSession admin = signedIn(user("PLATFORM_ADMIN", null, "write"));

        String page = admin.html("/console/reports?from=2026-10-01&to=2026-11-01&timezone=Europe/Berlin"
                + "&groupBy=tenant&groupBy=model&tag=&tenant=");

        assertThat(page)
                .contains("id=\"chargeback-table\"")
                .contains("Chargeback 2026-10-01 – 2026-11-01 (Europe/Berlin)");
        Received chargeback = last("/api/v1/reports/chargeback");
        assertThat(chargeback.param("tenant")).isNull();
        assertThat(chargeback.param("group_by")).isEqualTo("tenant,model");
    }

    @Test
    void platformWideViewerMayNotOpenReports() {
        ConsoleSession viewer = signedIn(user("VIEWER", null, "write"));

        viewer.get("/console/reports").expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.html("/")).doesNotContain("/console/reports");
    }

    @Test
    void showsAnInvalidPeriodOnTheFormWithoutAskingTheUsageService() {
        ConsoleSession finance = signedIn(user("FINANCE", null, "write"));
        int before = usage.received.size();

        String page = finance.html("/console/reports?from=2026-11-10&to=2026-11-01&timezone=Mars/Olympus");

        assertThat(page).contains("to must be after the first day").contains("timezone is not a time zone");
        assertThat(usage.received).hasSize(before);
    }

    private ConsoleSession signedIn(TestUser user) {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(user.email(), USER_PASSWORD)).isEqualTo("/");
        return session;
    }

    private static Received last(String path) {
        return usage.received.stream()
                .filter(received -> received.path().equals(path))
                .reduce((earlier, later) -> later)
                .orElseThrow();
    }
}
