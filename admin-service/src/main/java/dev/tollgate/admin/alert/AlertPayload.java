package dev.tollgate.admin.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of a {@code budget.threshold_crossed} webhook, field for field as {@code docs/budget-alerts.md}
 * documents it. Instants are ISO-8601 UTC strings and amounts decimal strings, so no precision is lost in transit.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
    "event",
    "alert_id",
    "schema_version",
    "tenant_id",
    "tenant_slug",
    "budget_id",
    "scope",
    "scope_id",
    "period_id",
    "period_start",
    "period_end",
    "threshold_percent",
    "limit_usd",
    "spent_usd",
    "crossed_at",
    "source"
})
record AlertPayload(
        @JsonProperty("event") String event,
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("tenant_slug") @Nullable String tenantSlug,
        @JsonProperty("budget_id") String budgetId,
        @JsonProperty("scope") String scope,
        @JsonProperty("scope_id") String scopeId,
        @JsonProperty("period_id") String periodId,
        @JsonProperty("period_start") String periodStart,
        @JsonProperty("period_end") @Nullable String periodEnd,
        @JsonProperty("threshold_percent") int thresholdPercent,
        @JsonProperty("limit_usd") String limitUsd,
        @JsonProperty("spent_usd") String spentUsd,
        @JsonProperty("crossed_at") String crossedAt,
        @JsonProperty("source") String source) {

    static final String EVENT = "budget.threshold_crossed";

    static AlertPayload of(BudgetThresholdCrossed alert, @Nullable String tenantSlug) {
        return new AlertPayload(
                EVENT,
                alert.alertId(),
                alert.schemaVersion(),
                alert.tenantId(),
                tenantSlug,
                alert.budgetId(),
                alert.scope(),
                alert.scopeId(),
                alert.periodId(),
                alert.periodStart().toString(),
                alert.periodEnd() == null ? null : alert.periodEnd().toString(),
                alert.thresholdPercent(),
                alert.limitUsd().toPlainString(),
                alert.spentUsd().toPlainString(),
                alert.crossedAt().toString(),
                alert.source());
    }
}
