package dev.tollgate.usage.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** The period and tenant filter every report query shares, and the bindings that go with it. */
final class ReportStatements {

    /** Rows fetched per round trip: large exports stream through a cursor instead of arriving all at once. */
    static final int FETCH_SIZE = 1_000;

    private ReportStatements() {}

    static String where(ReportSource source, ReportScope scope) {
        String where = " where " + source.time() + " >= :start and " + source.time() + " < :end";
        return scope.tenant() == null ? where : where + " and tenant_id = :tenant";
    }

    static GenericExecuteSpec bind(GenericExecuteSpec spec, ReportSource source, ReportScope scope) {
        GenericExecuteSpec bound = source == ReportSource.DAY_ROLLUP
                ? spec.bind("start", utcDate(scope.period().start()))
                        .bind("end", utcDate(scope.period().end()))
                : spec.bind("start", utc(scope.period().start()))
                        .bind("end", utc(scope.period().end()));
        return scope.tenant() == null ? bound : bound.bind("tenant", scope.tenant());
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // Only used when both ends are UTC midnights (ReportSource.forChargeback/forDaily), so nothing is cut off.
    private static LocalDate utcDate(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
