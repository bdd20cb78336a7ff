package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Callers;
import java.time.Clock;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/guardrails}: requests per tenant, detector and action over a period; and
 * {@code GET /api/v1/reports/guardrails/events}: the newest requests a guardrail decided on. Neither carries any of the
 * text that matched.
 */
class GuardrailHandler {

    static final int DEFAULT_EVENTS = 100;
    static final int MAX_EVENTS = 1_000;

    private final GuardrailRepository repository;
    private final Clock clock;

    GuardrailHandler(GuardrailRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Mono<ServerResponse> counts(ServerRequest request) {
        return Callers.current()
                .map(caller -> ReportRequests.scope(request, caller, clock))
                .flatMap(scope -> counts(scope, ReportRequests.format(request), ReportRequests.totals(request)));
    }

    Mono<ServerResponse> events(ServerRequest request) {
        return Callers.current()
                .map(caller -> ReportRequests.scope(request, caller, clock))
                .flatMap(scope -> events(
                        scope,
                        ReportRequests.format(request),
                        ReportRequests.limit(request, DEFAULT_EVENTS, MAX_EVENTS)));
    }

    private Mono<ServerResponse> counts(ReportScope scope, ReportFormat format, boolean totals) {
        Flux<String> text = format == ReportFormat.CSV
                ? GuardrailDocument.countsCsv(repository.counts(scope), totals)
                : GuardrailDocument.countsJson(scope.period(), repository.counts(scope));
        return ReportRequests.stream(format, "guardrails", scope.period(), text);
    }

    private Mono<ServerResponse> events(ReportScope scope, ReportFormat format, int limit) {
        Flux<String> text = format == ReportFormat.CSV
                ? GuardrailDocument.eventsCsv(repository.events(scope, limit))
                : GuardrailDocument.eventsJson(scope.period(), repository.events(scope, limit));
        return ReportRequests.stream(format, "guardrail-events", scope.period(), text);
    }
}
