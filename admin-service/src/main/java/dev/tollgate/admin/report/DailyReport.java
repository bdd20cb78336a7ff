package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** The usage service's daily report: one series of per-day points per tenant or per model. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DailyReport(String from, String to, String timezone, String currency, List<Series> series) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Series(String group, List<Point> points) {}

    /** One day; {@code date} is the local date in the report's time zone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Point(String date, BigDecimal cost, long tokens, long requests) {}
}
