package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Callers;
import dev.tollgate.usage.problem.UsageException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/templates?template=<name>}: one prompt template's versions compared by requests, tokens,
 * cost and latency, per label, over a period. A handful of rows, so JSON is built whole; CSV streams.
 */
class TemplateHandler {

    /** A template name as the admin service allows it. */
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");

    private final TemplateRepository repository;
    private final Clock clock;

    TemplateHandler(TemplateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Mono<ServerResponse> templates(ServerRequest request) {
        return Callers.current()
                .map(caller -> new Comparison(
                        ReportRequests.scope(request, caller, clock),
                        template(request),
                        ReportRequests.format(request),
                        ReportRequests.totals(request)))
                .flatMap(this::respond);
    }

    private Mono<ServerResponse> respond(Comparison comparison) {
        Flux<TemplateRow> rows = repository.rows(comparison.scope(), comparison.template());
        ReportPeriod period = comparison.scope().period();
        Flux<String> text = comparison.format() == ReportFormat.CSV
                ? TemplateDocument.csv(rows, comparison.totals())
                : TemplateDocument.json(period, comparison.template(), rows);
        return ReportRequests.stream(comparison.format(), "template_" + comparison.template(), period, text);
    }

    private static String template(ServerRequest request) {
        String name = request.queryParam("template").orElse("");
        if (!NAME.matcher(name).matches()) {
            throw UsageException.badParameter(
                    "template", "template must be a template name: letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    private record Comparison(ReportScope scope, String template, ReportFormat format, boolean totals) {}
}
