package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.budget.SpendKeys;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tenant page's budget bars: spent against the limit, percent and open holds, read from the live counters. */
class BudgetBarsPagesIntegrationTests extends AdminIntegrationTest {

    @Test
    void showsSpentPercentAndHoldsOfTenantAndKeyBudgets() {
        String tenant = createTenant(unique("bars"));
        String key = createdId("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "app", "models", List.of("*")));
        String tenantBudget = budget("tenant", tenant, "200", "Europe/Berlin");
        String keyBudget = budget("key", key, "10", "UTC");
        spend(tenantBudget, "Europe/Berlin", 50_000_000_000L, 2_500_000_000L);
        spend(keyBudget, "UTC", 9_500_000_000L, 0);
        ConsoleSession admin = ConsoleSession.anonymous(client);
        admin.signIn(user("PLATFORM_ADMIN", null, "write").email(), USER_PASSWORD);

        String page = admin.html("/tenants/" + tenant);

        assertThat(cell(page, tenantBudget))
                .contains("class=\"spent\">$50<")
                .contains("$200")
                .contains("class=\"percent\">(25%)<")
                .contains("width:25%")
                .contains("+ $2.5 held");
        assertThat(cell(page, keyBudget))
                .contains("class=\"spent\">$9.5<")
                .contains("(95%)")
                .contains("warn")
                .doesNotContain("held");
    }

    @Test
    void showsNothingSpentForABudgetWithoutCounters() {
        String tenant = createTenant(unique("bars-new"));
        String fresh = budget("tenant", tenant, "5", "UTC");
        ConsoleSession admin = ConsoleSession.anonymous(client);
        admin.signIn(user("PLATFORM_ADMIN", null, "write").email(), USER_PASSWORD);

        assertThat(cell(admin.html("/tenants/" + tenant), fresh))
                .contains("class=\"spent\">$0<")
                .contains("(0%)");
    }

    private String budget(String scope, String scopeId, String amount, String timezone) {
        return createdId(
                "/api/v1/budgets",
                Map.of(
                        "scope",
                        scope,
                        "scope_id",
                        scopeId,
                        "amount_usd",
                        amount,
                        "period",
                        "monthly",
                        "timezone",
                        timezone));
    }

    /** Sets the current month's counters the way the gateway keeps them. */
    private static void spend(String budgetId, String timezone, long spentNanos, long heldNanos) {
        String period =
                BudgetWindow.of("monthly", ZoneId.of(timezone), Instant.now()).id();
        redis.set(SpendKeys.spent(budgetId, period), Long.toString(spentNanos));
        if (heldNanos > 0) {
            redis.set(SpendKeys.held(budgetId, period), Long.toString(heldNanos));
        }
    }

    private static String cell(String page, String budgetId) {
        int start = page.indexOf("data-budget-id=\"" + budgetId + "\"");
        assertThat(start).as("the budget's spend cell").isNotNegative();
        return page.substring(start, page.indexOf("</td>", start));
    }
}
