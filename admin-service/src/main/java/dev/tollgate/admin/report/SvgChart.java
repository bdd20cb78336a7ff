package dev.tollgate.admin.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;

/**
 * A line chart of one value per day and series, written as inline SVG on the server: the console loads no charting
 * script and no CDN. Labels are HTML-escaped here, because the page inserts the SVG unescaped.
 */
final class SvgChart {

    private static final int WIDTH = 640;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int PLOT_HEIGHT = 160;
    private static final int LEGEND_ROW = 18;
    private static final List<String> COLORS =
            List.of("#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#64748b");

    private SvgChart() {}

    /** One series of values, one per day of the chart, in day order. */
    record Line(String label, List<BigDecimal> values) {}

    /** The chart of {@code lines} over {@code days}; {@code axis} writes a value for the y axis. */
    static String lines(String title, List<LocalDate> days, List<Line> lines, Function<BigDecimal, String> axis) {
        BigDecimal max = max(lines);
        int height = TOP + PLOT_HEIGHT + 28 + LEGEND_ROW * ((lines.size() + 2) / 3);
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(escape(title))
                .append("\"><title>")
                .append(escape(title))
                .append("</title>");
        grid(svg, max, axis);
        dayLabels(svg, days);
        for (int i = 0; i < lines.size(); i++) {
            line(svg, lines.get(i), max, days.size(), COLORS.get(i % COLORS.size()));
            legend(svg, lines.get(i).label(), i, COLORS.get(i % COLORS.size()));
        }
        if (lines.isEmpty()) {
            text(svg, LEFT + 8, TOP + PLOT_HEIGHT / 2, "start", "No usage in this period");
        }
        return svg.append("</svg>").toString();
    }

    private static void grid(StringBuilder svg, BigDecimal max, Function<BigDecimal, String> axis) {
        for (int step = 0; step <= 2; step++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.TWO, 6, RoundingMode.HALF_UP);
            double y = y(value, max);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            text(svg, LEFT - 6, y + 4, "end", axis.apply(value));
        }
    }

    private static void dayLabels(StringBuilder svg, List<LocalDate> days) {
        if (days.isEmpty()) {
            return;
        }
        int last = days.size() - 1;
        for (int index : List.of(0, last / 2, last)) {
            String anchor = index == 0 ? "start" : index == last ? "end" : "middle";
            text(
                    svg,
                    x(index, days.size()),
                    TOP + PLOT_HEIGHT + 18,
                    anchor,
                    days.get(index).toString());
        }
    }

    private static void line(StringBuilder svg, Line line, BigDecimal max, int days, String color) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < line.values().size(); i++) {
            points.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", x(i, days), y(line.values().get(i), max)));
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                .append(color)
                .append("\" points=\"")
                .append(points.toString().strip())
                .append("\"><title>")
                .append(escape(line.label()))
                .append("</title></polyline>");
    }

    private static void legend(StringBuilder svg, String label, int index, String color) {
        int x = LEFT + (index % 3) * 190;
        int y = TOP + PLOT_HEIGHT + 34 + (index / 3) * LEGEND_ROW;
        svg.append(String.format(
                Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y - 9, color));
        String shown = label.length() > 26 ? label.substring(0, 25) + "…" : label;
        text(svg, x + 14, y, "start", shown);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#475569\">",
                        x,
                        y,
                        anchor))
                .append(escape(text))
                .append("</text>");
    }

    private static double x(int index, int days) {
        int width = WIDTH - LEFT - RIGHT;
        return days <= 1 ? LEFT + width / 2.0 : LEFT + (double) index * width / (days - 1);
    }

    private static double y(BigDecimal value, BigDecimal max) {
        return TOP + PLOT_HEIGHT - value.doubleValue() / max.doubleValue() * PLOT_HEIGHT;
    }

    /** The largest value of any line; 1 when all are zero, so an empty chart still has a scale. */
    private static BigDecimal max(List<Line> lines) {
        BigDecimal max =
                lines.stream().flatMap(line -> line.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::max);
        return max.signum() == 0 ? BigDecimal.ONE : max;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
