package dev.tollgate.admin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportQueryTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final ReportForm EMPTY = new ReportForm(null, null, null, null, null, null);

    @Test
    void defaultsToThisMonthInUtcByTenant() {
        ReportQuery query = ReportQuery.of(finance(null), EMPTY, TODAY);

        assertThat(query.from()).isEqualTo("2026-11-01");
        assertThat(query.to()).isEqualTo("2026-12-01");
        assertThat(query.timezone()).isEqualTo("UTC");
        assertThat(query.groupBy()).containsExactly("tenant");
        assertThat(query.tenant()).isNull();
    }

    @Test
    void keepsTheContractsGroupOrderAndNamesTheTag() {
        ReportForm form = new ReportForm(null, null, null, List.of("tag", "model", "tenant"), "team", null);

        ReportQuery query = ReportQuery.of(finance(null), form, TODAY);

        assertThat(query.groupBy()).containsExactly("tenant", "model", "tag:team");
        assertThat(query.checked()).containsExactly("tenant", "model", "tag");
        assertThat(query.queryString()).contains("groupBy=tag").contains("tag=team");
    }

    @Test
    void aTenantScopedCallerAlwaysGetsTheirOwnTenant() {
        UUID own = UUID.randomUUID();
        ReportForm asksForAnother = new ReportForm(null, null, null, null, null, UUID.randomUUID());

        assertThat(ReportQuery.of(finance(own), asksForAnother, TODAY).tenant()).isEqualTo(own);
    }

    @Test
    void refusesAPlatformWideViewer() {
        Caller viewer = new Caller(UUID.randomUUID(), "v@example.test", Role.VIEWER, null);

        assertThatThrownBy(() -> ReportQuery.of(viewer, EMPTY, TODAY)).isInstanceOf(AdminException.class);
        assertThat(ReportQuery.seesDrift(viewer)).isFalse();
    }

    @Test
    void namesEveryInvalidField() {
        ReportForm form = new ReportForm(
                LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-01"),
                "Mars/Olympus",
                List.of("tag"),
                "a b",
                null);

        assertThatThrownBy(() -> ReportQuery.of(finance(null), form, TODAY))
                .isInstanceOfSatisfying(
                        AdminException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(error -> error.get("field"))
                                .containsExactlyInAnyOrder("to", "timezone", "tag"));
    }

    @Test
    void namesTheDownloadForItsPeriod() {
        assertThat(ReportQuery.of(finance(null), EMPTY, TODAY).csvFilename())
                .isEqualTo("chargeback_2026-11-01_2026-12-01.csv");
    }

    private static Caller finance(UUID tenant) {
        return new Caller(UUID.randomUUID(), "f@example.test", Role.FINANCE, tenant);
    }
}
