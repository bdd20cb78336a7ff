package dev.tollgate.model.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.jspecify.annotations.Nullable;

/**
 * The period of a budget that contains a given instant: the calendar day, ISO week (from Monday), month or quarter in
 * the budget's time zone, starting at local midnight (at the first valid local time when a DST gap swallows
 * midnight), or the whole life of the budget.
 *
 * <p>The gateway (which charges spend), the usage service (which rebuilds spend from its ledger) and the console
 * (which shows it) must agree on the period an instant falls in and on its {@link #id()}, which names the Redis spend
 * keys; that is why this small calendar rule lives in the shared contract.
 *
 * @param id {@code lifetime}, or the local start date of the period, such as {@code 2026-11-01}
 * @param start the first instant of the period; {@link Instant#EPOCH} for {@code lifetime}
 * @param end the first instant after the period; {@code null} for {@code lifetime}
 */
public record BudgetWindow(
        String id, Instant start, @Nullable Instant end) {

    public static final String LIFETIME = "lifetime";

    /** The period of {@code budget} that contains {@code now}. */
    public static BudgetWindow of(BudgetSnapshot budget, Instant now) {
        return of(budget.period(), ZoneId.of(budget.timezone()), now);
    }

    /**
     * The period of kind {@code period} in {@code zone} that contains {@code now}.
     *
     * @throws IllegalArgumentException for a period kind other than those {@link BudgetSnapshot} names
     */
    public static BudgetWindow of(String period, ZoneId zone, Instant now) {
        if (LIFETIME.equals(period)) {
            return new BudgetWindow(LIFETIME, Instant.EPOCH, null);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = switch (period) {
            case "daily" -> today;
            case "weekly" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "monthly" -> today.withDayOfMonth(1);
            case "quarterly" -> today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
            default -> throw new IllegalArgumentException("unknown budget period " + period);
        };
        LocalDate next = switch (period) {
            case "daily" -> first.plusDays(1);
            case "weekly" -> first.plusWeeks(1);
            case "monthly" -> first.plusMonths(1);
            default -> first.plusMonths(3);
        };
        return new BudgetWindow(
                first.toString(),
                first.atStartOfDay(zone).toInstant(),
                next.atStartOfDay(zone).toInstant());
    }

    /** Whether the period has an end (every kind but {@code lifetime}). */
    public boolean ends() {
        return end != null;
    }
}
