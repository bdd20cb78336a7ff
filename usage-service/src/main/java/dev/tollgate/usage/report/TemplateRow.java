package dev.tollgate.usage.report;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How one version of a prompt template did under one label, or (with {@code version} {@code null}) all of them.
 *
 * @param version the published version served; {@code null} on the totals row
 * @param label the label that picked it; {@code ''} when a client asked for the version itself
 * @param measures requests, tokens and exact cost, as in chargeback
 * @param averageLatencyMs mean time from request to usage event, to a tenth of a millisecond; {@code null} without
 *     requests
 * @param p95LatencyMs the 95th percentile of that time (a latency some request actually had); {@code null} without
 *     requests
 */
record TemplateRow(
        @Nullable Integer version,
        String label,
        Measures measures,
        @Nullable BigDecimal averageLatencyMs,
        @Nullable Long p95LatencyMs) {}
