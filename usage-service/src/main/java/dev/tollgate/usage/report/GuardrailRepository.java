package dev.tollgate.usage.report;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * What the guardrails decided, read from the ledger's {@code guardrail_action} and {@code guardrail_hits}: the
 * detectors that matched and the strongest action taken, never the text that matched (the ledger has none).
 */
@Repository
class GuardrailRepository {

    private final DatabaseClient database;

    GuardrailRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Requests per tenant, detector and action, sorted by those three in byte order. */
    Flux<GuardrailRow> counts(ReportScope scope) {
        // A request whose decision names no detector still counts, under the detector ''.
        String sql = "select * from (select tenant_id::text as tenant, coalesce(hit.detector, '') as detector,"
                + " guardrail_action as action, count(*) as requests"
                + " from usage_ledger left join lateral unnest(guardrail_hits) as hit(detector) on true"
                + ReportStatements.where(ReportSource.LEDGER, scope) + " and guardrail_action is not null"
                + " group by 1, 2, 3) counted"
                + " order by tenant collate \"C\", detector collate \"C\", action collate \"C\"";
        GenericExecuteSpec spec =
                database.sql(sql).filter(statement -> statement.fetchSize(ReportStatements.FETCH_SIZE));
        return ReportStatements.bind(spec, ReportSource.LEDGER, scope)
                .map(row -> new GuardrailRow(
                        text(row, 0), text(row, 1), text(row, 2), Objects.requireNonNull(row.get(3, Long.class))))
                .all();
    }

    /** The newest {@code limit} requests of the period that a guardrail decided on, newest first. */
    Flux<GuardrailEvent> events(ReportScope scope, int limit) {
        String sql = "select occurred_at, request_id, event_id::text, tenant_id::text, key_id::text, model,"
                + " guardrail_action, guardrail_hits from usage_ledger"
                + ReportStatements.where(ReportSource.LEDGER, scope) + " and guardrail_action is not null"
                + " order by occurred_at desc, event_id desc limit :limit";
        return ReportStatements.bind(database.sql(sql), ReportSource.LEDGER, scope)
                .bind("limit", limit)
                .map(row -> event(row, scope.period()))
                .all();
    }

    private static GuardrailEvent event(Readable row, ReportPeriod period) {
        OffsetDateTime at = Objects.requireNonNull(row.get("occurred_at", OffsetDateTime.class));
        String[] hits = row.get("guardrail_hits", String[].class);
        return new GuardrailEvent(
                at.atZoneSameInstant(period.zone()).format(LineItemRepository.TIME),
                text(row, 1),
                text(row, 2),
                text(row, 3),
                text(row, 4),
                text(row, 5),
                text(row, 6),
                hits == null ? List.of() : Arrays.asList(hits));
    }

    private static String text(Readable row, int index) {
        String value = row.get(index, String.class);
        return value == null ? "" : value;
    }

    /**
     * How many requests of one tenant a detector matched, by the action the request ended with.
     *
     * @param detector such as {@code pii.email}; {@code ''} for a decision that named none
     * @param action {@code logged}, {@code redacted} or {@code blocked}: the strongest action taken on the request
     */
    record GuardrailRow(String tenant, String detector, String action, long requests) {}

    /**
     * One request a guardrail decided on: who, when, which model, what was decided, and which detectors matched.
     *
     * @param occurredAt in the report's time zone, as in the line items
     * @param model the public model asked for; {@code ''} when the request named none
     */
    record GuardrailEvent(
            String occurredAt,
            String requestId,
            String eventId,
            String tenant,
            String key,
            String model,
            String action,
            List<String> detectors) {}
}
