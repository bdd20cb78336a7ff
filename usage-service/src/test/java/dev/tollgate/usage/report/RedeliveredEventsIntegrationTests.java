package dev.tollgate.usage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestDatabase;
import dev.tollgate.usage.TestEvents;
import dev.tollgate.usage.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import redis.clients.jedis.StreamEntryID;

/** The gateway resends from its spool and Redis redelivers: the invoice must not change by a byte. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RedeliveredEventsIntegrationTests {

    static final String STREAM = "tollgate:test:usage:" + UUID.randomUUID();
    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    final String tenant = UUID.randomUUID().toString();
    final String admin = TestTokens.apiToken(redis, "PLATFORM_ADMIN", null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
        registry.add("tollgate.usage.ingest.stream", () -> STREAM);
        registry.add("tollgate.usage.ingest.dead-letter-stream", () -> STREAM + ":dead-letter");
        registry.add("tollgate.usage.ingest.consumer", () -> "redelivery-tests");
        registry.add("tollgate.usage.ingest.block", () -> "200ms");
        registry.add("tollgate.usage.reconcile.enabled", () -> "false");
    }

    @AfterEach
    void removeOwnRows() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            jdbc.update("delete from " + table + " where tenant_id = ?::uuid", tenant);
        }
    }

    @AfterAll
    static void removeStream() {
        redis.del(STREAM, STREAM + ":dead-letter");
        redis.close();
    }

    @Test
    void leavesTheCsvByteForByteUnchangedWhenEventsArriveAgain() {
        List<UsageRecorded> events = events(300);
        publish(events);
        awaitLedgerRows(events.size());
        String first = export();

        double duplicatesBefore = duplicates();
        publish(events); // every event again, same ids
        publish(events.subList(0, 50)); // and some a third time
        await().atMost(WAIT).until(() -> duplicates() - duplicatesBefore >= events.size() + 50);
        String second = export();

        assertThat(second).isEqualTo(first);
        assertThat(ledgerRows()).isEqualTo(events.size());
        assertThat(first).contains("TOTAL,,,300,");
    }

    private List<UsageRecorded> events(int count) {
        List<UsageRecorded> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(TestEvents.event(
                    tenant,
                    "2f000000-0000-4000-8000-00000000000" + (i % 3),
                    Instant.parse("2035-06-01T00:00:00Z").plusSeconds(i * 3_617L),
                    i % 10 == 0 ? null : new BigDecimal("0.0000001234").multiply(BigDecimal.valueOf(i + 1)),
                    "user-" + (i % 4),
                    "model-" + (i % 2),
                    "cc-" + (i % 2),
                    Map.of("team", "t" + (i % 5))));
        }
        return events;
    }

    private static void publish(List<UsageRecorded> events) {
        events.forEach(event -> redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, event.toFields()));
    }

    private String export() {
        return ReportTestSupport.get(
                client,
                admin,
                "/api/v1/reports/chargeback?from=2035-06-01&to=2035-07-01&tenant=" + tenant
                        + "&group_by=key,end_user,model&format=csv&totals=true");
    }

    private void awaitLedgerRows(int rows) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerRows()).isEqualTo(rows));
    }

    private int ledgerRows() {
        Integer rows = new JdbcTemplate(dataSource)
                .queryForObject("select count(*) from usage_ledger where tenant_id = ?::uuid", Integer.class, tenant);
        return rows == null ? 0 : rows;
    }

    private double duplicates() {
        return meters.get("tollgate.usage.ingested")
                .tag("outcome", "duplicate")
                .counter()
                .count();
    }
}
