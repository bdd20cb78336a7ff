package dev.tollgate.admin.report;

import dev.tollgate.admin.report.DailyReport.Point;
import dev.tollgate.admin.report.DailyReport.Series;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Turns daily reports into the page's charts: spend and tokens per day, per tenant and per model. */
final class UsageCharts {

    /** More series than this make a chart unreadable; the smallest are summed into one "other" line. */
    private static final int MAX_LINES = 8;

    private UsageCharts() {}

    static List<UsageChart> of(
            ReportQuery query, DailyReport byTenant, DailyReport byModel, Map<String, String> tenants) {
        List<LocalDate> days = query.from().datesUntil(query.to()).toList();
        String currency = byTenant.currency();
        return List.of(
                chart(
                        "spend-by-tenant",
                        "Daily spend by tenant (" + currency + ")",
                        days,
                        byTenant,
                        tenants,
                        Point::cost),
                chart("tokens-by-tenant", "Daily tokens by tenant", days, byTenant, tenants, UsageCharts::tokens),
                chart(
                        "spend-by-model",
                        "Daily spend by model (" + currency + ")",
                        days,
                        byModel,
                        Map.of(),
                        Point::cost),
                chart("tokens-by-model", "Daily tokens by model", days, byModel, Map.of(), UsageCharts::tokens));
    }

    private static UsageChart chart(
            String id,
            String title,
            List<LocalDate> days,
            DailyReport report,
            Map<String, String> labels,
            Function<Point, BigDecimal> metric) {
        List<SvgChart.Line> lines = report.series().stream()
                .map(series -> line(series, days, labels, metric))
                .sorted(Comparator.comparing(UsageCharts::total).reversed())
                .toList();
        return new UsageChart(id, title, SvgChart.lines(title, days, capped(lines, days.size()), UsageCharts::axis));
    }

    private static SvgChart.Line line(
            Series series, List<LocalDate> days, Map<String, String> labels, Function<Point, BigDecimal> metric) {
        Map<String, BigDecimal> byDay = new HashMap<>();
        series.points().forEach(point -> byDay.merge(point.date(), metric.apply(point), BigDecimal::add));
        List<BigDecimal> values = days.stream()
                .map(day -> byDay.getOrDefault(day.toString(), BigDecimal.ZERO))
                .toList();
        return new SvgChart.Line(labels.getOrDefault(series.group(), series.group()), values);
    }

    private static List<SvgChart.Line> capped(List<SvgChart.Line> lines, int days) {
        if (lines.size() <= MAX_LINES) {
            return lines;
        }
        List<SvgChart.Line> shown = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
        List<BigDecimal> other = new ArrayList<>(java.util.Collections.nCopies(days, BigDecimal.ZERO));
        lines.subList(MAX_LINES - 1, lines.size()).forEach(line -> {
            for (int i = 0; i < days; i++) {
                other.set(i, other.get(i).add(line.values().get(i)));
            }
        });
        shown.add(new SvgChart.Line("other", other));
        return shown;
    }

    private static BigDecimal total(SvgChart.Line line) {
        return line.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal tokens(Point point) {
        return BigDecimal.valueOf(point.tokens());
    }

    private static String axis(BigDecimal value) {
        BigDecimal rounded = value.abs().compareTo(BigDecimal.TEN) >= 0
                ? value.setScale(0, java.math.RoundingMode.HALF_UP)
                : value.setScale(2, java.math.RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + Math.max(0, rounded.scale()) + "f", rounded);
    }
}
