package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Callers;
import dev.tollgate.usage.problem.UsageException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/daily}: one series per tenant or model with a point for every day of the period (zero
 * on days without usage), for the console's charts. Small by construction (days times groups), so built in memory.
 */
class DailyHandler {

    private final DailyRepository repository;
    private final Clock clock;

    DailyHandler(DailyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Mono<ServerResponse> daily(ServerRequest request) {
        return Callers.current()
                .map(caller -> ReportRequests.scope(request, caller, clock))
                .flatMap(scope -> series(scope, by(request)))
                .flatMap(body -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body));
    }

    private Mono<String> series(ReportScope scope, Dimension by) {
        ReportSource source = ReportSource.forDaily(scope.period());
        return repository
                .points(scope, by, source)
                .collectMultimap(DailyPoint::group, point -> point, LinkedHashMap::new)
                .map(groups -> document(scope.period(), groups));
    }

    private static String document(ReportPeriod period, Map<String, ? extends Iterable<DailyPoint>> groups) {
        List<Map<String, Object>> series = new ArrayList<>();
        groups.forEach((group, points) -> series.add(Map.of("group", group, "points", everyDay(period, points))));
        return Json.head(period) + ",\"series\":" + Json.write(series) + "}";
    }

    private static List<Map<String, Object>> everyDay(ReportPeriod period, Iterable<DailyPoint> points) {
        Map<LocalDate, Measures> byDate = new LinkedHashMap<>();
        points.forEach(point -> byDate.put(point.date(), point.measures()));
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate date = period.from(); date.isBefore(period.to()); date = date.plusDays(1)) {
            Measures day = byDate.getOrDefault(date, Measures.ZERO);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("date", date.toString());
            point.put("cost", day.costText());
            point.put("tokens", day.promptTokens() + day.completionTokens());
            point.put("requests", day.requests());
            days.add(point);
        }
        return days;
    }

    private static Dimension by(ServerRequest request) {
        String by = request.queryParam("by").orElse("tenant");
        if (!by.equals("tenant") && !by.equals("model")) {
            throw UsageException.badParameter("by", "by must be tenant or model");
        }
        return Dimension.of(by);
    }
}
