package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Caller;
import dev.tollgate.usage.access.Callers;
import java.time.Clock;
import java.util.List;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/reports/chargeback}: usage and cost per group over a period, as CSV or JSON. */
class ChargebackHandler {

    private final ChargebackRepository repository;
    private final Clock clock;

    ChargebackHandler(ChargebackRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Mono<ServerResponse> chargeback(ServerRequest request) {
        return Callers.current().map(caller -> read(request, caller)).flatMap(this::respond);
    }

    private Chargeback read(ServerRequest request, Caller caller) {
        List<Dimension> groups =
                Dimension.parseAll(request.queryParam("group_by").orElse(null));
        ReportFormat format = ReportRequests.format(request);
        return new Chargeback(
                ReportRequests.scope(request, caller, clock), groups, format, ReportRequests.totals(request));
    }

    private Mono<ServerResponse> respond(Chargeback report) {
        ReportSource source = ReportSource.forChargeback(report.scope().period(), report.groups());
        Flux<ChargebackRow> rows = repository.rows(report.scope(), report.groups(), source);
        Flux<String> text = report.format() == ReportFormat.CSV
                ? ChargebackDocument.csv(report.groups(), rows, report.totals())
                : ChargebackDocument.json(report.scope().period(), report.groups(), rows);
        return ReportRequests.stream(
                report.format(), "chargeback", report.scope().period(), text);
    }

    private record Chargeback(ReportScope scope, List<Dimension> groups, ReportFormat format, boolean totals) {}
}
