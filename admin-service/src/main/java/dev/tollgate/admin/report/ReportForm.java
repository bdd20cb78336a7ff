package dev.tollgate.admin.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The report form as the browser sends it (query parameters of {@code GET /console/reports}); every field may be
 * missing, and {@link ReportQuery#of} fills in the defaults.
 *
 * @param from first day of the period
 * @param to first day after the period
 * @param timezone the time zone that days are counted in
 * @param groupBy the checked grouping columns
 * @param tag a tag name, grouped by when {@code tag} is checked
 * @param tenant the one tenant to report on; all the caller sees when absent
 */
public record ReportForm(
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String timezone,
        @Nullable List<String> groupBy,
        @Nullable String tag,
        @Nullable UUID tenant) {}
