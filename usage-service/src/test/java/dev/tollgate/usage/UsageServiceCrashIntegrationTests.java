package dev.tollgate.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Two packaged usage-service processes consume one stream together; one is killed with {@code kill -9} in the middle
 * of the work and restarted. Every published event must end up in the ledger exactly once, and the report must add up
 * to what was published.
 */
class UsageServiceCrashIntegrationTests {

    static final int EVENTS = 60_000;
    static final Duration WAIT = Duration.ofSeconds(180);
    static final String GROUP = "usage-service";

    final String stream = "tollgate:test:usage:crash:" + UUID.randomUUID();
    final String tenant = UUID.randomUUID().toString();
    final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());
    final List<RunningUsageService> running = new ArrayList<>();

    @AfterEach
    void cleanUp() throws SQLException {
        running.forEach(RunningUsageService::close);
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            update("delete from " + table + " where tenant_id = '" + tenant + "'");
        }
        redis.del(stream, stream + ":dead-letter");
        redis.close();
    }

    @Test
    void keepsEveryEventExactlyOnceWhenAConsumerIsKilledMidBatch() throws SQLException {
        BigDecimal published = publish(EVENTS);
        Map<String, String> environment = Map.of(
                "TOLLGATE_REDIS_URI", TestInfrastructure.redisUri().toString(),
                "TOLLGATE_USAGE_INGEST_STREAM", stream,
                "TOLLGATE_USAGE_INGEST_DEAD_LETTER_STREAM", stream + ":dead-letter",
                "TOLLGATE_USAGE_INGEST_BATCH_SIZE", "250",
                "TOLLGATE_USAGE_INGEST_CLAIM_INTERVAL", "1s",
                "TOLLGATE_USAGE_INGEST_CLAIM_MIN_IDLE", "5s",
                "TOLLGATE_USAGE_RECONCILE_ENABLED", "false");

        RunningUsageService first = launched("crash-a", environment);
        RunningUsageService second = launched("crash-b", environment);
        // On a fresh database the ledger exists only once the first instance has migrated it.
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .ignoreException(SQLException.class)
                .until(() -> ledgerRows() >= EVENTS / 10);
        first.kill();
        long rowsAtKill = ledgerRows();
        launched("crash-a", environment).awaitHealthy(); // same consumer name: takes back its own pending entries
        second.awaitHealthy();

        await().atMost(WAIT).until(this::drained);
        assertThat(rowsAtKill).isLessThan(EVENTS);
        assertThat(redis.xinfoConsumers2(stream, GROUP))
                .extracting(consumer -> consumer.getName())
                .contains("crash-a", "crash-b");
        assertThat(ledgerRows()).isEqualTo(EVENTS);
        assertThat(redis.xlen(stream + ":dead-letter")).isZero();
        String csv = second.get(
                "/api/v1/reports/chargeback?from=2036-01-01&to=2036-02-01&tenant=" + tenant + "&format=csv&totals=true",
                TestTokens.apiToken(redis, "FINANCE", null));
        assertThat(csv)
                .endsWith("TOTAL," + EVENTS + "," + (EVENTS * 1000L) + "," + (EVENTS * 200L) + "," + (EVENTS * 100L)
                        + "," + (EVENTS * 10L) + "," + published.setScale(10).toPlainString() + ",USD,0\r\n");
        assertThat(query("select sum(requests)::text from usage_rollup_hour where tenant_id = '" + tenant + "'"))
                .isEqualTo(String.valueOf(EVENTS));
    }

    private RunningUsageService launched(String name, Map<String, String> environment) {
        RunningUsageService service = RunningUsageService.launch(name, environment);
        running.add(service);
        return service;
    }

    private BigDecimal publish(int count) {
        BigDecimal sum = BigDecimal.ZERO;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < count; i++) {
                BigDecimal cost = new BigDecimal("0.0000004321").multiply(BigDecimal.valueOf(i % 1000 + 1));
                UsageRecorded event = TestEvents.simple(
                        tenant,
                        "3c000000-0000-4000-8000-00000000000" + (i % 7),
                        Instant.parse("2036-01-01T00:00:00Z").plusSeconds(i * 40L),
                        cost);
                pipeline.xadd(stream, StreamEntryID.NEW_ENTRY, event.toFields());
                sum = sum.add(cost);
            }
            pipeline.sync();
        }
        return sum;
    }

    // Nothing left undelivered or unacknowledged in the group.
    private boolean drained() {
        StreamGroupInfo group = redis.xinfoGroups(stream).stream()
                .filter(info -> info.getName().equals(GROUP))
                .findFirst()
                .orElseThrow();
        Object lag = group.getGroupInfo().get("lag");
        return group.getPending() == 0 && lag instanceof Number number && number.longValue() == 0;
    }

    private long ledgerRows() throws SQLException {
        return Long.parseLong(query("select count(*)::text from usage_ledger where tenant_id = '" + tenant + "'"));
    }

    private static String query(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrlWithCredentials());
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void update(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrlWithCredentials());
                var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
