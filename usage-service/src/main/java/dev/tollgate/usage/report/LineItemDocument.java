package dev.tollgate.usage.report;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The line-item export as CSV or JSON, written as the items arrive. */
final class LineItemDocument {

    private LineItemDocument() {}

    static Flux<String> csv(Flux<List<@Nullable String>> items) {
        List<String> header =
                LineItemColumn.ALL.stream().map(LineItemColumn::name).toList();
        return Flux.concat(Mono.just(Csv.line(header)), items.map(LineItemDocument::csvLine));
    }

    // Flux.defer: every subscription gets its own separator.
    static Flux<String> json(ReportPeriod period, Flux<List<@Nullable String>> items) {
        return Flux.defer(() -> json(period, items, new Separator()));
    }

    private static Flux<String> json(ReportPeriod period, Flux<List<@Nullable String>> items, Separator separator) {
        return Flux.concat(
                Mono.just(Json.head(period) + ",\"items\":["),
                items.map(item -> separator.next() + jsonObject(item)),
                Mono.just("]}"));
    }

    private static String csvLine(List<@Nullable String> values) {
        List<String> fields = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            boolean text = LineItemColumn.ALL.get(i).kind() == LineItemColumn.Kind.TEXT;
            fields.add(value == null ? "" : text ? Csv.text(value) : value);
        }
        return Csv.line(fields);
    }

    private static String jsonObject(List<@Nullable String> values) {
        StringBuilder object = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            LineItemColumn column = LineItemColumn.ALL.get(i);
            object.append(i == 0 ? "" : ",").append(Json.write(column.name())).append(':');
            object.append(jsonValue(column.kind(), values.get(i)));
        }
        return object.append('}').toString();
    }

    private static String jsonValue(LineItemColumn.Kind kind, @Nullable String value) {
        if (value == null) {
            return "null";
        }
        return switch (kind) {
            case LITERAL, JSON -> value; // Postgres printed a number, a boolean or a jsonb value: valid JSON already
            case TEXT, ID, TIME -> Json.write(value);
        };
    }
}
