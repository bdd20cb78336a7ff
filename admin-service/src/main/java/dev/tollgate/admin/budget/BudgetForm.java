package dev.tollgate.admin.budget;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A budget as posted to {@code POST /api/v1/budgets} and {@code PUT /api/v1/budgets/{id}}, and by the console form.
 * {@code amount_usd} may be a JSON string or number; the console's thresholds field is {@code 50, 80, 100}.
 *
 * @param scope {@code tenant} or {@code key}; fixed once created
 * @param scopeId the tenant's or the key's id; fixed once created
 * @param amountUsd the limit in US dollars, more than 0, at most 10 decimal places
 * @param period {@code daily}, {@code weekly}, {@code monthly}, {@code quarterly} or {@code lifetime}
 * @param timezone IANA time zone periods start in; UTC when absent
 * @param thresholds ascending percentages 1 to 100 to alert at; 50, 80, 100 when absent
 * @param action {@code block} (the default) or {@code alert}
 */
record BudgetForm(
        @NotNull @Pattern(regexp = "tenant|key", message = "must be tenant or key") @Nullable
        String scope,

        @NotNull @Nullable UUID scopeId,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 10, fraction = 10)
        @Nullable
        BigDecimal amountUsd,

        @NotNull
        @Pattern(
                regexp = "daily|weekly|monthly|quarterly|lifetime",
                message = "must be one of daily, weekly, monthly, quarterly, lifetime")
        @Nullable
        String period,

        @TimeZoneId @Nullable String timezone,

        @Size(min = 1, max = 10) @AscendingPercentages @Nullable
        List<@NotNull(message = "must be a whole percentage") @Min(1) @Max(100) Integer> thresholds,

        @Pattern(regexp = "block|alert", message = "must be block or alert") @Nullable
        String action) {

    static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);
    static final List<String> PERIODS = List.of("daily", "weekly", "monthly", "quarterly", "lifetime");

    static BudgetForm forScope(@Nullable String scope, @Nullable UUID scopeId) {
        return new BudgetForm(scope, scopeId, null, "monthly", "UTC", DEFAULT_THRESHOLDS, "block");
    }

    static BudgetForm of(BudgetView budget) {
        return new BudgetForm(
                budget.scope(),
                budget.scopeId(),
                new BigDecimal(budget.amountUsd()),
                budget.period(),
                budget.timezone(),
                budget.thresholds(),
                budget.action());
    }

    String timezoneOrUtc() {
        return timezone == null || timezone.isBlank() ? "UTC" : timezone;
    }

    List<Integer> thresholdsOrDefault() {
        return thresholds == null || thresholds.isEmpty() ? DEFAULT_THRESHOLDS : thresholds;
    }

    String actionOrBlock() {
        return action == null || action.isBlank() ? "block" : action;
    }
}
