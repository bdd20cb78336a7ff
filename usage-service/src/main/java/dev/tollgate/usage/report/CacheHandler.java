package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Callers;
import java.time.Clock;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/reports/cache}: requests, cache hits, hit ratio and savings per tenant over a period. */
class CacheHandler {

    private final CacheRepository repository;
    private final Clock clock;

    CacheHandler(CacheRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Mono<ServerResponse> cache(ServerRequest request) {
        return Callers.current()
                .map(caller -> ReportRequests.scope(request, caller, clock))
                .flatMap(scope -> respond(scope, ReportRequests.format(request), ReportRequests.totals(request)));
    }

    private Mono<ServerResponse> respond(ReportScope scope, ReportFormat format, boolean totals) {
        Flux<String> text = format == ReportFormat.CSV
                ? CacheDocument.csv(repository.rows(scope), totals)
                : CacheDocument.json(scope.period(), repository.rows(scope));
        return ReportRequests.stream(format, "cache", scope.period(), text);
    }
}
