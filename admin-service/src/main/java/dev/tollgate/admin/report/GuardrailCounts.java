package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The usage service's guardrail report: requests per tenant, detector and action.
 *
 * @param totals {@code requests}: the sum of the rows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuardrailCounts(List<Row> rows, Map<String, Long> totals) {

    /**
     * @param action {@code blocked}, {@code redacted} or {@code logged}
     * @param requests requests of the tenant the detector matched that ended with the action
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String tenant, String detector, String action, long requests) {}
}
