package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A difference the usage service's reconciliation found between a live spend counter and the ledger. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Drift(
        @JsonProperty("budget_id") String budgetId,
        @JsonProperty("period_id") String periodId,
        @JsonProperty("counter_usd") BigDecimal counterUsd,
        @JsonProperty("ledger_usd") BigDecimal ledgerUsd,
        @Nullable String action,
        @JsonProperty("found_at") Instant foundAt) {}
