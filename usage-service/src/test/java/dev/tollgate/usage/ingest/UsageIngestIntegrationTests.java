package dev.tollgate.usage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class UsageIngestIntegrationTests {

    // A stream, group and dead-letter stream of this class's own: the shared test Redis may carry other events.
    static final String STREAM = "tollgate:test:usage:" + UUID.randomUUID();
    static final String DEAD_LETTER = STREAM + ":dead-letter";
    static final String GROUP = "usage-service";
    static final int MAX_DELIVERIES = 3;
    static final Duration WAIT = Duration.ofSeconds(15);

    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());

    // Fractions of a cent that binary floating point cannot hold exactly.
    static final BigDecimal TINY_COST = new BigDecimal("0.0000012345");
    static final BigDecimal SMALL_COST = new BigDecimal("0.0001959750");

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    final UUID tenant = UUID.randomUUID(); // own rows per test, removed afterwards
    final UUID key = UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
        registry.add("tollgate.usage.ingest.stream", () -> STREAM);
        registry.add("tollgate.usage.ingest.dead-letter-stream", () -> DEAD_LETTER);
        registry.add("tollgate.usage.ingest.consumer", () -> "ingest-tests");
        registry.add("tollgate.usage.ingest.block", () -> "200ms");
        registry.add("tollgate.usage.ingest.claim-interval", () -> "200ms");
        registry.add("tollgate.usage.ingest.claim-min-idle", () -> "500ms");
        registry.add("tollgate.usage.ingest.max-deliveries", () -> MAX_DELIVERIES);
        registry.add("tollgate.usage.ingest.retry-backoff", () -> "100ms");
    }

    @AfterEach
    void removeOwnRows() {
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            jdbc().update("delete from " + table + " where tenant_id = ?", tenant);
        }
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StreamCleanup {

        // Destroyed after the consumer stopped (lifecycle beans stop first), which would otherwise re-create the
        // stream on its next read.
        @Bean
        DisposableBean removeTestStreams() {
            return () -> {
                try (JedisPooled cleanup = new JedisPooled(TestInfrastructure.redisUri())) {
                    cleanup.del(STREAM, DEAD_LETTER);
                }
            };
        }
    }

    @Test
    void ingestsEventsWithExactCostsAndRollsThemUp() {
        UsageRecorded first = event(TINY_COST);
        UsageRecorded second = event(SMALL_COST);
        UsageRecorded unpriced = unpriced();

        publish(first);
        publish(second);
        publish(unpriced);

        awaitLedgerRows(3);
        assertThat(cost(first)).isEqualByComparingTo(TINY_COST);
        assertThat(cost(second)).isEqualByComparingTo(SMALL_COST);
        assertThat(cost(unpriced)).isNull();
        assertThat(jdbc().queryForObject(
                                "select tags ->> 'team' from usage_ledger where event_id = ?::uuid",
                                String.class,
                                first.eventId()))
                .isEqualTo("search");
        assertThat(jdbc().queryForMap(
                                "select cost_center, error_code from usage_ledger where event_id = ?::uuid",
                                unpriced.eventId()))
                .containsEntry("cost_center", "cc-42 Forschung")
                .containsEntry("error_code", "model_not_found");
        for (String rollup : List.of("usage_rollup_hour", "usage_rollup_day")) {
            assertThat(jdbc().queryForList(
                                    "select distinct cost_center from " + rollup + " where tenant_id = ?",
                                    String.class,
                                    tenant))
                    .containsExactly("cc-42 Forschung");
            assertThat(rollupTotals(rollup)).isEqualTo(ledgerTotals());
            assertThat(rollupTotals(rollup)).containsEntry("cost", TINY_COST.add(SMALL_COST));
        }
        assertThat(meters.get("tollgate.usage.ingest.lag").gauge().value()).isNotNaN();
        assertThat(meters.get("tollgate.usage.ingest.pending").gauge().value()).isNotNaN();
    }

    @Test
    void keepsTheTemplateCacheWriteCacheFallbackAndGuardrailFieldsOfAnEvent() {
        UsageRecorded plain = event(SMALL_COST);
        UsageRecorded event = new UsageRecorded(
                plain.schemaVersion(),
                plain.eventId(),
                plain.requestId(),
                plain.timestamp(),
                plain.tenantId(),
                plain.keyId(),
                plain.endUser(),
                plain.tags(),
                plain.requestedModel(),
                plain.deploymentId(),
                plain.provider(),
                plain.upstreamModel(),
                plain.promptTokens(),
                plain.completionTokens(),
                plain.cachedTokens(),
                1024,
                plain.reasoningTokens(),
                plain.tokensEstimated(),
                plain.costUsd(),
                plain.priceVersion(),
                plain.priced(),
                plain.status(),
                plain.httpStatus(),
                plain.latencyMs(),
                plain.ttftMs(),
                plain.stream(),
                2,
                plain.costCenter(),
                plain.errorCode(),
                new UsageRecorded.TemplateUse("support-answer", 3, "production"),
                new UsageRecorded.CacheUse("semantic-hit", new BigDecimal("0.0012345678")),
                new UsageRecorded.RoutingUse(1, "claude-fallback"),
                new UsageRecorded.GuardrailUse("redacted", List.of("pii.email", "pii.phone")));

        publish(event);

        awaitLedgerRows(1);
        assertThat(jdbc().queryForMap("""
                        select cache_write_tokens, template_name, template_version, template_label, cache_hit,
                               cache_saved_usd, retries, fallbacks, served_model, guardrail_action,
                               array_to_string(guardrail_hits, ',') as hits
                        from usage_ledger where event_id = ?::uuid""", event.eventId()))
                .containsEntry("cache_write_tokens", 1024L)
                .containsEntry("template_name", "support-answer")
                .containsEntry("template_version", 3)
                .containsEntry("template_label", "production")
                .containsEntry("cache_hit", "semantic-hit")
                .containsEntry("cache_saved_usd", new BigDecimal("0.0012345678"))
                .containsEntry("retries", 2)
                .containsEntry("fallbacks", 1)
                .containsEntry("served_model", "claude-fallback")
                .containsEntry("guardrail_action", "redacted")
                .containsEntry("hits", "pii.email,pii.phone");
    }

    @Test
    void countsAnEventDeliveredTwiceOnce() {
        UsageRecorded event = event(SMALL_COST);
        UsageRecorded later = event(TINY_COST);
        double duplicatesBefore = counted("duplicate");

        publish(event);
        publish(event); // a gateway resending from its spool
        publish(later);

        awaitLedgerRows(2);
        assertThat(rollupTotals("usage_rollup_hour")).containsEntry("requests", 2L);
        assertThat(rollupTotals("usage_rollup_day")).containsEntry("cost", SMALL_COST.add(TINY_COST));
        assertThat(counted("duplicate") - duplicatesBefore).isEqualTo(1.0);
    }

    @Test
    void reclaimsThePendingEntriesOfACrashedConsumer() {
        UsageRecorded event = event(SMALL_COST);
        String crashed = "crashed-" + UUID.randomUUID();

        StreamEntryID id = publishAndReadWithoutAck(event, crashed);

        awaitLedgerRows(1);
        assertThat(pending(id)).isNull();
        assertThat(redis.xpending(
                        STREAM,
                        GROUP,
                        XPendingParams.xPendingParams("-", "+", 10).consumer(crashed)))
                .isEmpty();
    }

    @Test
    void deadLettersAnUnreadableEntryAndAcknowledgesIt() {
        StreamEntryID id = redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of("schema_version", "1", "event_id", "x"));

        StreamEntry dead = awaitDeadLetter(id);

        assertThat(dead.getFields())
                .containsEntry("event_id", "x")
                .containsEntry("dead_letter.stream", STREAM)
                .hasEntrySatisfying(
                        "dead_letter.error", error -> assertThat(error).contains("request_id"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pending(id)).isNull());
    }

    @Test
    void leavesAnEntryPendingUntilItsWriteCommits() {
        UsageRecorded good = event(TINY_COST);
        UsageRecorded refused = event(TINY_COST.negate()); // the ledger's check constraint refuses negative cost

        publish(good);
        StreamEntryID refusedId = publish(refused);

        awaitLedgerRows(1);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(pending(refusedId))
                        .isNotNull()
                        .extracting(StreamPendingEntry::getDeliveredTimes)
                        .isEqualTo(2L)); // delivered, refused, left pending, reclaimed: never acknowledged
        assertThat(ledgerRows()).isEqualTo(1);
        StreamEntry dead = awaitDeadLetter(refusedId);
        assertThat(dead.getFields())
                .containsEntry("event_id", refused.eventId())
                .hasEntrySatisfying(
                        "dead_letter.error",
                        error -> assertThat(error)
                                .startsWith("refused by the ledger after " + (MAX_DELIVERIES + 1) + " deliveries")
                                .contains("usage_ledger_cost_usd_check"));
        assertThat(pending(refusedId)).isNull();
        assertThat(ledgerRows()).isEqualTo(1);
    }

    private UsageRecorded event(BigDecimal cost) {
        return event(cost, true, "team-gpt");
    }

    private UsageRecorded unpriced() {
        return event(null, false, "other-model");
    }

    private UsageRecorded event(@Nullable BigDecimal cost, boolean priced, String model) {
        return new UsageRecorded(
                UsageRecorded.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "req-" + UUID.randomUUID(),
                Instant.parse("2026-03-01T10:15:30.123Z"),
                tenant.toString(),
                key.toString(),
                "alice",
                Map.of("team", "search"),
                model,
                "dep-1",
                "openai",
                "gpt-4o-mini",
                1234,
                89,
                567,
                0,
                21,
                false,
                cost,
                priced ? "2026-01-01T00:00:00Z" : null,
                priced,
                UsageStatus.SUCCESS,
                200,
                812,
                95L,
                true,
                0,
                "cc-42 Forschung",
                priced ? null : "model_not_found",
                null,
                null,
                null,
                null);
    }

    private static StreamEntryID publish(UsageRecorded event) {
        return redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, event.toFields());
    }

    // In one transaction, so the service's consumer (blocked on the same stream) cannot take the entry first: Redis
    // serves blocked readers only after EXEC.
    private static StreamEntryID publishAndReadWithoutAck(UsageRecorded event, String consumer) {
        try (AbstractTransaction transaction = redis.multi()) {
            Response<StreamEntryID> added = transaction.xadd(STREAM, StreamEntryID.NEW_ENTRY, event.toFields());
            var read = transaction.xreadGroup(
                    GROUP,
                    consumer,
                    XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            transaction.exec();
            assertThat(read.get().getFirst().getValue().getFirst().getID()).isEqualTo(added.get());
            return added.get();
        }
    }

    private static @Nullable StreamPendingEntry pending(StreamEntryID id) {
        List<StreamPendingEntry> pending = redis.xpending(STREAM, GROUP, XPendingParams.xPendingParams(id, id, 1));
        return pending.isEmpty() ? null : pending.getFirst();
    }

    private static StreamEntry awaitDeadLetter(StreamEntryID original) {
        return await().atMost(WAIT).until(() -> deadLetter(original), entry -> entry != null);
    }

    private static @Nullable StreamEntry deadLetter(StreamEntryID original) {
        return redis.xrange(DEAD_LETTER, "-", "+").stream()
                .filter(entry -> original.toString().equals(entry.getFields().get("dead_letter.original_id")))
                .findFirst()
                .orElse(null);
    }

    private void awaitLedgerRows(int rows) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerRows()).isEqualTo(rows));
    }

    private int ledgerRows() {
        Integer rows =
                jdbc().queryForObject("select count(*) from usage_ledger where tenant_id = ?", Integer.class, tenant);
        return rows == null ? 0 : rows;
    }

    private @Nullable BigDecimal cost(UsageRecorded event) {
        return jdbc().queryForObject(
                        "select cost_usd from usage_ledger where event_id = ?::uuid",
                        BigDecimal.class,
                        event.eventId());
    }

    private Map<String, Object> ledgerTotals() {
        return jdbc().queryForMap("""
                select count(*) as requests, count(*) filter (where not priced) as unpriced,
                       sum(prompt_tokens)::bigint as prompt, sum(completion_tokens)::bigint as completion,
                       sum(cached_tokens)::bigint as cached, sum(reasoning_tokens)::bigint as reasoning,
                       coalesce(sum(cost_usd), 0) as cost
                from usage_ledger where tenant_id = ?
                """, tenant);
    }

    private Map<String, Object> rollupTotals(String table) {
        return jdbc().queryForMap("""
                select sum(requests)::bigint as requests, sum(unpriced_requests)::bigint as unpriced,
                       sum(prompt_tokens)::bigint as prompt, sum(completion_tokens)::bigint as completion,
                       sum(cached_tokens)::bigint as cached, sum(reasoning_tokens)::bigint as reasoning,
                       sum(cost_usd) as cost
                from %s where tenant_id = ?
                """.formatted(table), tenant);
    }

    private double counted(String outcome) {
        return meters.get("tollgate.usage.ingested")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
