package dev.tollgate.admin.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTests {

    private static final List<LocalDate> THREE_DAYS = LocalDate.parse("2026-11-01")
            .datesUntil(LocalDate.parse("2026-11-04"))
            .toList();

    @Test
    void escapesLabelsBecauseThePageInsertsTheSvgUnescaped() {
        SvgChart.Line hostile = new SvgChart.Line("<script>alert(1)</script>", values("1", "2", "3"));

        String svg = SvgChart.lines("Spend & <tokens>", THREE_DAYS, List.of(hostile), BigDecimal::toPlainString);

        assertThat(svg)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Spend &amp; &lt;tokens&gt;");
    }

    @Test
    void drawsOneLineWithAPointPerDayAndLabelsTheFirstAndLastDay() {
        String svg = SvgChart.lines(
                "Spend",
                THREE_DAYS,
                List.of(new SvgChart.Line("acme", values("0", "5", "10"))),
                BigDecimal::toPlainString);

        assertThat(svg)
                .startsWith("<svg")
                .endsWith("</svg>")
                .contains("2026-11-01")
                .contains("2026-11-03");
        String points = svg.substring(svg.indexOf("points=\"") + 8, svg.indexOf('"', svg.indexOf("points=\"") + 8));
        assertThat(points.split(" ")).hasSize(3);
    }

    @Test
    void saysSoWhenThereIsNoUsage() {
        assertThat(SvgChart.lines("Spend", THREE_DAYS, List.of(), BigDecimal::toPlainString))
                .contains("No usage in this period")
                .doesNotContain("<polyline");
    }

    private static List<BigDecimal> values(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
