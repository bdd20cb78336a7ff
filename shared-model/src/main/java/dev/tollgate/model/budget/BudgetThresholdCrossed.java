package dev.tollgate.model.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A budget's spend reached one of its alert thresholds in one period. Appended to {@link BudgetKeys#ALERTS_STREAM} at
 * most once per budget, period and threshold by whoever sees the crossing first: the gateway when it settles a request,
 * or the usage service when its ledger shows it (after a Redis loss). {@link #alertId()} is derived from those three,
 * so a reader that delivers alerts deduplicates by it.
 *
 * @param schemaVersion version of this shape; {@value #SCHEMA_VERSION} today
 * @param budgetId the budget
 * @param scope {@code tenant} or {@code key}
 * @param scopeId the tenant's or the key's id
 * @param tenantId the tenant the budget belongs to (for a key budget, the key's tenant)
 * @param periodId {@link BudgetWindow#id()} of the period
 * @param periodStart the first instant of the period
 * @param periodEnd the first instant after it; {@code null} for {@code lifetime}
 * @param thresholdPercent the threshold crossed, 1 to 100
 * @param limitUsd the budget's amount
 * @param spentUsd spend when the crossing was seen
 * @param crossedAt when it was seen
 * @param source {@code gateway} or {@code ledger}
 */
public record BudgetThresholdCrossed(
        int schemaVersion,
        String budgetId,
        String scope,
        String scopeId,
        String tenantId,
        String periodId,
        Instant periodStart,
        @Nullable Instant periodEnd,
        int thresholdPercent,
        BigDecimal limitUsd,
        BigDecimal spentUsd,
        Instant crossedAt,
        String source) {

    public static final int SCHEMA_VERSION = 1;

    /** Stable per budget, period and threshold: {@code {budget_id}:{period_id}:{threshold}}. */
    public String alertId() {
        return budgetId + ":" + periodId + ":" + thresholdPercent;
    }

    /** The flat stream entry, {@code null}s left out. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schema_version", String.valueOf(schemaVersion));
        fields.put("alert_id", alertId());
        fields.put("budget_id", budgetId);
        fields.put("scope", scope);
        fields.put("scope_id", scopeId);
        fields.put("tenant_id", tenantId);
        fields.put("period_id", periodId);
        fields.put("period_start", periodStart.toString());
        if (periodEnd != null) {
            fields.put("period_end", periodEnd.toString());
        }
        fields.put("threshold_percent", String.valueOf(thresholdPercent));
        fields.put("limit_usd", limitUsd.toPlainString());
        fields.put("spent_usd", spentUsd.toPlainString());
        fields.put("crossed_at", crossedAt.toString());
        fields.put("source", source);
        return fields;
    }

    /**
     * The alert written as {@code fields}; unknown fields are ignored.
     *
     * @throws IllegalArgumentException when a field is missing or malformed, or the schema version is unknown
     */
    public static BudgetThresholdCrossed fromFields(Map<String, String> fields) {
        try {
            int version = Integer.parseInt(required(fields, "schema_version"));
            if (version != SCHEMA_VERSION) {
                throw new IllegalArgumentException("unsupported alert schema_version " + version);
            }
            String end = fields.get("period_end");
            return new BudgetThresholdCrossed(
                    version,
                    required(fields, "budget_id"),
                    required(fields, "scope"),
                    required(fields, "scope_id"),
                    required(fields, "tenant_id"),
                    required(fields, "period_id"),
                    Instant.parse(required(fields, "period_start")),
                    end == null ? null : Instant.parse(end),
                    Integer.parseInt(required(fields, "threshold_percent")),
                    new BigDecimal(required(fields, "limit_usd")),
                    new BigDecimal(required(fields, "spent_usd")),
                    Instant.parse(required(fields, "crossed_at")),
                    required(fields, "source"));
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("malformed budget alert: " + malformed.getMessage(), malformed);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        return Objects.requireNonNull(fields.get(name), () -> "field " + name + " is missing");
    }
}
