package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The usage service's comparison of one prompt template's versions, per label.
 *
 * @param from first day of the period
 * @param to first day after it
 * @param rows one per version and label
 * @param totals every request of the template; its latencies are over all of them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateComparison(String from, String to, String timezone, String template, List<Row> rows, Row totals) {

    /**
     * @param version {@code null} on the totals
     * @param label {@code ''} when the client asked for the version itself; {@code null} on the totals
     * @param cost exact USD, 10 decimals, as a string
     * @param avgLatencyMs {@code null} without requests
     * @param p95LatencyMs {@code null} without requests
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            @Nullable Integer version,
            @Nullable String label,
            long requests,
            @JsonProperty("prompt_tokens") long promptTokens,
            @JsonProperty("completion_tokens") long completionTokens,
            String cost,
            @JsonProperty("unpriced_requests") long unpricedRequests,
            @JsonProperty("avg_latency_ms") @Nullable BigDecimal avgLatencyMs,
            @JsonProperty("p95_latency_ms") @Nullable Long p95LatencyMs) {}
}
