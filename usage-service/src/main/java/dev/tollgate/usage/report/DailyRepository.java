package dev.tollgate.usage.report;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Per-day sums by tenant or by model, in the report's time zone. */
@Repository
class DailyRepository {

    private final DatabaseClient database;

    DailyRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Points sorted by group, then date; days without usage are absent. */
    Flux<DailyPoint> points(ReportScope scope, Dimension by, ReportSource source) {
        GenericExecuteSpec spec = database.sql(sql(scope, by, source));
        spec = ReportStatements.bind(spec, source, scope);
        if (source != ReportSource.DAY_ROLLUP) {
            spec = spec.bind("zone", scope.period().zone().getId());
        }
        return spec.map(DailyRepository::read).all();
    }

    static String sql(ReportScope scope, Dimension by, ReportSource source) {
        String day = switch (source) {
            case DAY_ROLLUP -> "bucket";
            case HOUR_ROLLUP, LEDGER -> "(" + source.time() + " at time zone :zone)::date";
        };
        return "select * from (select " + by.sql(source, 0) + " as g0, " + day + " as day" + ", " + source.measures()
                + " from " + source.table() + ReportStatements.where(source, scope)
                + " group by 1, 2) points order by g0 collate \"C\", day";
    }

    private static DailyPoint read(Readable row) {
        return new DailyPoint(
                Objects.requireNonNull(row.get(0, String.class)),
                Objects.requireNonNull(row.get(1, LocalDate.class)),
                Measures.read(row, 2));
    }
}
