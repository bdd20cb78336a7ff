package dev.tollgate.model.budget;

import java.util.regex.Pattern;

/**
 * The Redis layout of published budgets, an addition to {@code dev.tollgate.model.config.ConfigKeys}.
 *
 * <pre>
 * tollgate:budget:{scope}:{scope_id}   JSON list of BudgetSnapshot, one per period; absent when the scope has none
 * tollgate:config:changes              ConfigChange {"kind":"budget","id":"{scope}:{scope_id}"} after each change
 * tollgate:budget:alerts               stream of BudgetThresholdCrossed entries
 * </pre>
 *
 * <p>{@code scope} is {@code tenant} or {@code key}; {@code scope_id} is the tenant's or the virtual key's id. The admin
 * service owns exactly the keys of that shape: its resync deletes any such key Postgres no longer backs. Spend counters
 * must therefore live elsewhere (or at least never match {@link #PUBLISHED}): see {@link SpendKeys}.
 */
public final class BudgetKeys {

    /** The {@code ConfigChange.kind} announcing a budget change. */
    public static final String CHANGE_KIND = "budget";

    /** The stream of {@link BudgetThresholdCrossed} alerts; never trimmed of unacknowledged entries. */
    public static final String ALERTS_STREAM = "tollgate:budget:alerts";

    /** Every published budget key and nothing else. */
    public static final Pattern PUBLISHED = Pattern.compile(
            "^tollgate:budget:(tenant|key):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** What SCAN matches before {@link #PUBLISHED} filters it. */
    public static final String SCAN_PATTERN = "tollgate:budget:*";

    private BudgetKeys() {}

    /** The key holding the budgets of one tenant or one key. */
    public static String budgets(String scope, String scopeId) {
        return "tollgate:budget:" + scope + ":" + scopeId;
    }

    /** The {@code ConfigChange.id} for a change to the budgets of one scope. */
    public static String changeId(String scope, String scopeId) {
        return scope + ":" + scopeId;
    }
}
