package dev.tollgate.usage.report;

import dev.tollgate.usage.report.GuardrailRepository.GuardrailEvent;
import dev.tollgate.usage.report.GuardrailRepository.GuardrailRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The guardrail reports as CSV or JSON, written as the rows arrive. */
final class GuardrailDocument {

    private static final List<String> COUNT_COLUMNS = List.of("tenant", "detector", "action", "requests");
    private static final List<String> EVENT_COLUMNS =
            List.of("occurred_at", "request_id", "event_id", "tenant", "key", "model", "action", "detectors");

    private GuardrailDocument() {}

    // Flux.defer: every subscription gets its own running sum.
    static Flux<String> countsCsv(Flux<GuardrailRow> rows, boolean totals) {
        return Flux.defer(() -> {
            long[] sum = {0};
            return Flux.concat(
                    Mono.just(Csv.line(COUNT_COLUMNS)),
                    rows.doOnNext(row -> sum[0] += row.requests()).map(GuardrailDocument::csvFields),
                    Mono.fromSupplier(() ->
                            totals ? Csv.line(List.of(ChargebackDocument.TOTAL, "", "", String.valueOf(sum[0]))) : ""));
        });
    }

    static Flux<String> countsJson(ReportPeriod period, Flux<GuardrailRow> rows) {
        return Flux.defer(() -> {
            long[] sum = {0};
            Separator separator = new Separator();
            return Flux.concat(
                    Mono.just(Json.head(period) + ",\"rows\":["),
                    rows.doOnNext(row -> sum[0] += row.requests())
                            .map(row -> separator.next() + Json.write(jsonRow(row))),
                    Mono.fromSupplier(() -> "],\"totals\":" + Json.write(Map.of("requests", sum[0])) + "}"));
        });
    }

    static Flux<String> eventsCsv(Flux<GuardrailEvent> events) {
        return Flux.concat(
                Mono.just(Csv.line(EVENT_COLUMNS)),
                events.map(event -> Csv.line(List.of(
                        event.occurredAt(),
                        Csv.text(event.requestId()),
                        event.eventId(),
                        event.tenant(),
                        event.key(),
                        Csv.text(event.model()),
                        event.action(),
                        String.join(";", event.detectors())))));
    }

    static Flux<String> eventsJson(ReportPeriod period, Flux<GuardrailEvent> events) {
        return Flux.defer(() -> {
            Separator separator = new Separator();
            return Flux.concat(
                    Mono.just(Json.head(period) + ",\"events\":["),
                    events.map(event -> separator.next() + Json.write(jsonEvent(event))),
                    Mono.just("]}"));
        });
    }

    private static String csvFields(GuardrailRow row) {
        return Csv.line(List.of(row.tenant(), row.detector(), row.action(), String.valueOf(row.requests())));
    }

    private static Map<String, Object> jsonRow(GuardrailRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tenant", row.tenant());
        fields.put("detector", row.detector());
        fields.put("action", row.action());
        fields.put("requests", row.requests());
        return fields;
    }

    private static Map<String, Object> jsonEvent(GuardrailEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("occurred_at", event.occurredAt());
        fields.put("request_id", event.requestId());
        fields.put("event_id", event.eventId());
        fields.put("tenant", event.tenant());
        fields.put("key", event.key());
        fields.put("model", event.model());
        fields.put("action", event.action());
        fields.put("detectors", event.detectors());
        return fields;
    }
}
