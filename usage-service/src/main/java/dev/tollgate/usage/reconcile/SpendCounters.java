package dev.tollgate.usage.reconcile;

import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import dev.tollgate.model.budget.SpendKeys;
import dev.tollgate.usage.system.BlockingRedis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis side of reconciliation: published budgets, the gateway's spend counters and alert sets. Called from the
 * job's own thread, so it uses {@link BlockingRedis#now}.
 */
class SpendCounters {

    private static final Logger log = LoggerFactory.getLogger(SpendCounters.class);
    private static final TypeReference<List<BudgetSnapshot>> BUDGETS = new TypeReference<>() {};

    // INCRBY, never SET: the gateway adds to the same counter concurrently, and an add must never be overwritten.
    private static final String RAISE = """
            local value = redis.call('INCRBY', KEYS[1], ARGV[1])
            if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
            return value
            """;

    // Marking the threshold alerted and appending the alert happen together or not at all.
    private static final String ALERT_ONCE = """
            if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
            if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
            redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
            return 1
            """;

    private final BlockingRedis redis;

    SpendCounters(BlockingRedis redis) {
        this.redis = redis;
    }

    /** Every published budget; a key that cannot be read is skipped with a warning. */
    List<BudgetSnapshot> publishedBudgets() {
        List<BudgetSnapshot> budgets = new ArrayList<>();
        for (String key : budgetKeys()) {
            String json = redis.now(jedis -> jedis.get(key));
            try {
                if (json != null) {
                    budgets.addAll(JsonMapper.shared().readValue(json, BUDGETS));
                }
            } catch (RuntimeException unreadable) {
                log.warn("Skipping unreadable published budgets at {}: {}", key, unreadable.getMessage());
            }
        }
        return budgets;
    }

    /** The settled-spend counter in nano-dollars; {@code null} when the key is missing. */
    @Nullable
    Long spent(String budgetId, String periodId) {
        String value = redis.now(jedis -> jedis.get(SpendKeys.spent(budgetId, periodId)));
        return value == null ? null : Long.parseLong(value);
    }

    /** Adds {@code nanos} to the counter and sets its expiry ({@code null}: none, for lifetime budgets). */
    long raise(String budgetId, String periodId, long nanos, @Nullable Instant expireAt) {
        Object value = redis.now(jedis -> jedis.eval(
                RAISE,
                List.of(SpendKeys.spent(budgetId, periodId)),
                List.of(String.valueOf(nanos), epochMillis(expireAt))));
        return value instanceof Long raised ? raised : 0;
    }

    /** Appends {@code alert} unless its threshold was already alerted this period; whether it did. */
    boolean alertOnce(BudgetThresholdCrossed alert, @Nullable Instant expireAt) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(alert.thresholdPercent()));
        args.add(epochMillis(expireAt));
        alert.toFields().forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        List<String> keys = List.of(SpendKeys.alerted(alert.budgetId(), alert.periodId()), BudgetKeys.ALERTS_STREAM);
        Object added = redis.now(jedis -> jedis.eval(ALERT_ONCE, keys, args));
        return Long.valueOf(1).equals(added);
    }

    /** Sets the lock unless another instance holds it. */
    boolean lock(String key, String owner, long ttlMillis) {
        return "OK"
                .equals(redis.now(jedis ->
                        jedis.set(key, owner, SetParams.setParams().nx().px(ttlMillis))));
    }

    /** Releases the lock only if this instance still holds it (it may have expired and passed to another). */
    void unlock(String key, String owner) {
        redis.now(jedis -> jedis.eval(
                "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                List.of(key),
                List.of(owner)));
    }

    private Set<String> budgetKeys() {
        Set<String> keys = new LinkedHashSet<>(); // SCAN may return a key twice
        ScanParams params = new ScanParams().match(BudgetKeys.SCAN_PATTERN).count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<String> page = redis.now(jedis -> jedis.scan(from, params));
            if (page == null) {
                break;
            }
            page.getResult().stream()
                    .filter(key -> BudgetKeys.PUBLISHED.matcher(key).matches())
                    .forEach(keys::add);
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    private static String epochMillis(@Nullable Instant at) {
        return at == null ? "" : String.valueOf(at.toEpochMilli());
    }
}
