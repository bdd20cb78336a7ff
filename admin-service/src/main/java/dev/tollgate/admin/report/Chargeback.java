package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The usage service's chargeback report. Rows are maps because their group columns depend on {@code group_by}.
 *
 * @param rows one per group: the group columns, then the metrics of {@link #METRICS}
 * @param totals the metrics summed over every row
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Chargeback(
        String from,
        String to,
        String timezone,
        String currency,
        List<Map<String, @Nullable Object>> rows,
        @Nullable Map<String, @Nullable Object> totals) {

    /** The metric columns, in the order the usage service writes them. */
    static final List<String> METRICS =
            List.of("requests", "prompt_tokens", "completion_tokens", "cached_tokens", "reasoning_tokens", "cost");
}
