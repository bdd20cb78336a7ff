package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Callers;
import java.time.Clock;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/reports/line-items}: one row per request, for audits. */
class LineItemHandler {

    private final LineItemRepository repository;
    private final Clock clock;

    LineItemHandler(LineItemRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Mono<ServerResponse> lineItems(ServerRequest request) {
        return Callers.current()
                .map(caller -> ReportRequests.scope(request, caller, clock))
                .flatMap(scope -> respond(scope, ReportRequests.format(request)));
    }

    private Mono<ServerResponse> respond(ReportScope scope, ReportFormat format) {
        Flux<String> text = format == ReportFormat.CSV
                ? LineItemDocument.csv(repository.items(scope))
                : LineItemDocument.json(scope.period(), repository.items(scope));
        return ReportRequests.stream(format, "line-items", scope.period(), text);
    }
}
