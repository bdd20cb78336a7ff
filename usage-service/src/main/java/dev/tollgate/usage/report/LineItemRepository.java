package dev.tollgate.usage.report;

import static java.util.stream.Collectors.joining;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** One row per ledger entry in the period, oldest first, streamed through a cursor. */
@Repository
class LineItemRepository {

    // Fixed width to the microsecond (Postgres' precision), so every row prints its time the same way.
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final DatabaseClient database;

    LineItemRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Each item's values in {@link LineItemColumn#ALL} order; {@code null} where the ledger has none. */
    Flux<List<@Nullable String>> items(ReportScope scope) {
        String columns = LineItemColumn.ALL.stream().map(LineItemColumn::sql).collect(joining(", "));
        String sql = "select " + columns + " from usage_ledger" + ReportStatements.where(ReportSource.LEDGER, scope)
                + " order by occurred_at, event_id";
        GenericExecuteSpec spec =
                database.sql(sql).filter(statement -> statement.fetchSize(ReportStatements.FETCH_SIZE));
        return ReportStatements.bind(spec, ReportSource.LEDGER, scope)
                .map(row -> read(row, scope.period()))
                .all();
    }

    private static List<@Nullable String> read(Readable row, ReportPeriod period) {
        List<@Nullable String> values = new ArrayList<>(LineItemColumn.ALL.size());
        for (int i = 0; i < LineItemColumn.ALL.size(); i++) {
            if (LineItemColumn.ALL.get(i).kind() == LineItemColumn.Kind.TIME) {
                OffsetDateTime at = Objects.requireNonNull(row.get(i, OffsetDateTime.class));
                values.add(at.atZoneSameInstant(period.zone()).format(TIME));
            } else {
                values.add(row.get(i, String.class));
            }
        }
        return values;
    }
}
