package dev.tollgate.usage.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import dev.tollgate.model.budget.SpendKeys;
import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestDatabase;
import dev.tollgate.usage.TestEvents;
import dev.tollgate.usage.TestTokens;
import dev.tollgate.usage.ledger.UsageLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReconciliationIntegrationTests {

    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());
    static final String LOCK = "tollgate:test:reconcile:lock:" + UUID.randomUUID();

    // Mid-March 2033: the monthly period is 2033-03-01 to 2033-04-01 UTC, and no other test writes 2033.
    static final Instant NOW = Instant.parse("2033-03-15T12:00:00Z");
    static final String PERIOD = "2033-03-01";

    // Sub-nano-dollar fractions: each rounds up by one nano-dollar, as the gateway charges them.
    static final BigDecimal COST_A = new BigDecimal("0.4000000001");
    static final BigDecimal COST_B = new BigDecimal("0.4500000002");
    static final long LEDGER_NANOS = 400_000_001L + 450_000_001L;

    @Autowired
    Reconciler reconciler;

    @Autowired
    UsageLedger ledger;

    @Autowired
    DataSource dataSource;

    @Autowired
    WebTestClient client;

    final String tenant = UUID.randomUUID().toString();
    final String budgetId = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
        registry.add("tollgate.usage.ingest.enabled", () -> "false");
        registry.add("tollgate.usage.reconcile.enabled", () -> "false"); // rounds are run by the tests
        registry.add("tollgate.usage.reconcile.lock-key", () -> LOCK);
        registry.add("tollgate.usage.reconcile.tolerance-usd", () -> "0.10");
    }

    @BeforeEach
    void seedSpendAndBudget() {
        String key = UUID.randomUUID().toString();
        ledger.append(List.of(
                TestEvents.simple(tenant, key, Instant.parse("2033-03-02T08:00:00Z"), COST_A),
                TestEvents.simple(tenant, key, Instant.parse("2033-03-14T08:00:00Z"), COST_B),
                // Last month's spend belongs to another period.
                TestEvents.simple(tenant, key, Instant.parse("2033-02-28T23:59:59Z"), new BigDecimal("5"))));
        publishBudget("2.00", List.of(25, 40, 80));
    }

    @AfterEach
    void removeOwnData() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            jdbc.update("delete from " + table + " where tenant_id = ?::uuid", tenant);
        }
        jdbc.update("delete from reconciliation_drift where budget_id = ?", budgetId);
        redis.del(
                BudgetKeys.budgets("tenant", tenant),
                SpendKeys.spent(budgetId, PERIOD),
                SpendKeys.alerted(budgetId, PERIOD));
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @Test
    void rebuildsALostCounterFromTheLedger() {
        assertThat(reconciler.reconcile(NOW)).isTrue();

        assertThat(redis.get(SpendKeys.spent(budgetId, PERIOD))).isEqualTo(String.valueOf(LEDGER_NANOS));
        assertThat(redis.pexpireTime(SpendKeys.spent(budgetId, PERIOD)))
                .isEqualTo(Instant.parse("2033-04-08T00:00:00Z").toEpochMilli());
        assertThat(drift()).singleElement().satisfies(found -> {
            assertThat(found.action()).isEqualTo(Drift.RAISED);
            assertThat(found.counterMissing()).isTrue();
            assertThat(found.ledgerUsd()).isEqualByComparingTo(COST_A.add(COST_B));
        });
    }

    @Test
    void raisesALowCounterToTheLedger() {
        redis.set(SpendKeys.spent(budgetId, PERIOD), String.valueOf(LEDGER_NANOS - 123_456));

        reconciler.reconcile(NOW);

        assertThat(redis.get(SpendKeys.spent(budgetId, PERIOD))).isEqualTo(String.valueOf(LEDGER_NANOS));
        assertThat(drift()).singleElement().extracting(Drift::counterNanos).isEqualTo(LEDGER_NANOS - 123_456);
    }

    @Test
    void leavesACounterAheadOfTheLedgerWithinToleranceAlone() {
        String ahead = String.valueOf(LEDGER_NANOS + 50_000_000); // 5 cents of events still in the stream
        redis.set(SpendKeys.spent(budgetId, PERIOD), ahead);

        reconciler.reconcile(NOW);

        assertThat(redis.get(SpendKeys.spent(budgetId, PERIOD))).isEqualTo(ahead);
        assertThat(drift()).isEmpty();
    }

    @Test
    void recordsButKeepsACounterFarAheadOfTheLedger() {
        String ahead = String.valueOf(LEDGER_NANOS + 500_000_000);
        redis.set(SpendKeys.spent(budgetId, PERIOD), ahead);

        reconciler.reconcile(NOW);
        reconciler.reconcile(NOW.plusSeconds(60)); // the same finding again is not a new row

        assertThat(redis.get(SpendKeys.spent(budgetId, PERIOD))).isEqualTo(ahead);
        assertThat(drift()).singleElement().extracting(Drift::action).isEqualTo(Drift.RECORDED);
    }

    @Test
    void alertsAThresholdCrossingTheLedgerShowsExactlyOnce() {
        redis.sadd(SpendKeys.alerted(budgetId, PERIOD), "25"); // the gateway saw 25% itself

        reconciler.reconcile(NOW);
        reconciler.reconcile(NOW);

        List<BudgetThresholdCrossed> alerts = alerts();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.thresholdPercent()).isEqualTo(40); // 0.85 of 2.00 is 42.5%: 40 crossed, 80 not
            assertThat(alert.source()).isEqualTo("ledger");
            assertThat(alert.tenantId()).isEqualTo(tenant);
            assertThat(alert.periodId()).isEqualTo(PERIOD);
            assertThat(alert.spentUsd()).isEqualByComparingTo(COST_A.add(COST_B));
        });
        assertThat(redis.smembers(SpendKeys.alerted(budgetId, PERIOD))).containsExactlyInAnyOrder("25", "40");
    }

    @Test
    void skipsARoundWhileAnotherInstanceHoldsTheLock() {
        redis.set(LOCK, "another-instance");
        try {
            assertThat(reconciler.reconcile(NOW)).isFalse();

            assertThat(redis.get(SpendKeys.spent(budgetId, PERIOD))).isNull();
        } finally {
            redis.del(LOCK);
        }
    }

    @Test
    void showsDriftToPlatformAdminsOnly() {
        reconciler.reconcile(NOW);

        client.get()
                .uri("/api/v1/reconciliation/drift?limit=1000")
                .header("Authorization", "Bearer " + TestTokens.apiToken(redis, "FINANCE", null))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.drift[?(@.budget_id == '%s')].action".formatted(budgetId))
                .isEqualTo(List.of("raised"));
        client.get()
                .uri("/api/v1/reconciliation/drift")
                .header("Authorization", "Bearer " + TestTokens.apiToken(redis, "TENANT_ADMIN", tenant))
                .exchange()
                .expectStatus()
                .isForbidden();
        client.get()
                .uri("/api/v1/reconciliation/drift?limit=0")
                .header("Authorization", "Bearer " + TestTokens.apiToken(redis, "PLATFORM_ADMIN", null))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.parameter")
                .isEqualTo("limit");
    }

    private void publishBudget(String amount, List<Integer> thresholds) {
        BudgetSnapshot budget =
                new BudgetSnapshot(budgetId, "tenant", tenant, amount, "monthly", "UTC", thresholds, "block");
        redis.set(BudgetKeys.budgets("tenant", tenant), JsonMapper.shared().writeValueAsString(List.of(budget)));
    }

    private List<Drift> drift() {
        return new JdbcTemplate(dataSource)
                .query(
                        "select * from reconciliation_drift where budget_id = ? order by id",
                        (row, i) -> new Drift(
                                row.getTimestamp("found_at").toInstant(),
                                row.getString("budget_id"),
                                row.getString("period_id"),
                                row.getString("scope"),
                                row.getString("scope_id"),
                                row.getLong("counter_nanos"),
                                row.getBoolean("counter_missing"),
                                row.getLong("ledger_nanos"),
                                row.getBigDecimal("ledger_usd"),
                                row.getString("action")),
                        budgetId);
    }

    private List<BudgetThresholdCrossed> alerts() {
        return redis.xrange(BudgetKeys.ALERTS_STREAM, "-", "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> budgetId.equals(fields.get("budget_id")))
                .map(BudgetThresholdCrossed::fromFields)
                .toList();
    }
}
