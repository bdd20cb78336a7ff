package dev.tollgate.usage.report;

import static java.util.stream.Collectors.joining;

import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Chargeback rows, grouped and sorted in Postgres and streamed through a cursor. */
@Repository
class ChargebackRepository {

    private final DatabaseClient database;

    ChargebackRepository(DatabaseClient database) {
        this.database = database;
    }

    /** The report's rows from {@code source}, sorted by the group columns. */
    Flux<ChargebackRow> rows(ReportScope scope, List<Dimension> groups, ReportSource source) {
        GenericExecuteSpec spec = database.sql(sql(scope, groups, source))
                .filter(statement -> statement.fetchSize(ReportStatements.FETCH_SIZE));
        spec = ReportStatements.bind(spec, source, scope);
        for (int i = 0; i < groups.size(); i++) {
            String tag = groups.get(i).tag();
            if (tag != null) {
                spec = spec.bind("tag" + i, tag);
            }
        }
        return spec.map(row -> read(row, groups.size())).all();
    }

    static String sql(ReportScope scope, List<Dimension> groups, ReportSource source) {
        String columns = IntStream.range(0, groups.size())
                .mapToObj(i -> groups.get(i).sql(source, i) + " as g" + i)
                .collect(joining(", "));
        String order = IntStream.range(0, groups.size())
                .mapToObj(i -> "g" + i + " collate \"C\"")
                .collect(joining(", "));
        String positions = IntStream.rangeClosed(1, groups.size())
                .mapToObj(String::valueOf)
                .collect(joining(", "));
        // Sorted by the group columns in byte order, so the same data prints the same bytes from either source and
        // whatever the database's collation.
        return "select * from (select " + columns + ", " + source.measures() + " from " + source.table()
                + ReportStatements.where(source, scope) + " group by " + positions + ") grouped order by " + order;
    }

    private static ChargebackRow read(Readable row, int groupCount) {
        List<String> groups = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            String value = row.get(i, String.class);
            groups.add(value == null ? "" : value);
        }
        return new ChargebackRow(groups, Measures.read(row, groupCount));
    }
}
