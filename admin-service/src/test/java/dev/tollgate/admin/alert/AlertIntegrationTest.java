package dev.tollgate.admin.alert;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.context.TestPropertySource;
import redis.clients.jedis.StreamEntryID;

/**
 * The admin service with the alert consumer and delivery worker running, fast retries, and webhooks allowed on
 * loopback over http so that a {@link WebhookStub} can receive them. Every alert test shares this one context.
 */
@TestPropertySource(
        properties = {
            "tollgate.alerts.enabled=true",
            "tollgate.alerts.consumer-name=test-admin",
            "tollgate.alerts.read-block=200ms",
            "tollgate.alerts.claim-idle=1s",
            "tollgate.alerts.worker-interval=100ms",
            "tollgate.alerts.retry-schedule=100ms,200ms",
            "tollgate.alerts.max-attempts=4",
            "tollgate.alerts.read-timeout=5s",
            "tollgate.alerts.allow-private-webhooks=true",
            "tollgate.alerts.allow-insecure-webhooks=true",
            "tollgate.crypto.master-keys-previous=" + AlertIntegrationTest.PREVIOUS_KEY_ID + ":"
                    + AlertIntegrationTest.PREVIOUS_KEY
        })
public abstract class AlertIntegrationTest extends AdminIntegrationTest {

    /** A retired master key this context can still open secrets with. */
    static final String PREVIOUS_KEY_ID = "k0";

    static final String PREVIOUS_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** An 80% crossing of a fresh budget of {@code tenantId} in November 2026. */
    public static BudgetThresholdCrossed crossing(String tenantId) {
        return new BudgetThresholdCrossed(
                BudgetThresholdCrossed.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "tenant",
                tenantId,
                tenantId,
                "2026-11",
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                80,
                new BigDecimal("250.00"),
                new BigDecimal("200.125"),
                Instant.parse("2026-11-20T10:15:30Z"),
                "gateway");
    }

    /** Appends an entry to the alert stream, as the gateway and the usage service do. */
    public static StreamEntryID xadd(Map<String, String> fields) {
        return redis.xadd(BudgetKeys.ALERTS_STREAM, StreamEntryID.NEW_ENTRY, fields);
    }

    /** Creates the tenant's webhook as the platform admin and answers the signing secret shown once. */
    protected String createWebhook(String tenantId, String url) {
        return put("/api/v1/tenants/" + tenantId + "/webhook", Map.of("url", url), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("secret")
                .toString();
    }

    /** The delivery row of an alert as the API lists it, once {@code done} says it is; fails after a deadline. */
    protected Map<String, Object> deliveryOnce(String alertId, java.util.function.Predicate<Map<String, Object>> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Map<String, Object> row = delivery(alertId);
        while (row == null || !done.test(row)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Delivery " + alertId + " never got there; last seen: " + row);
            }
            pause();
            row = delivery(alertId);
        }
        return row;
    }

    protected Map<String, Object> delivery(String alertId) {
        return database.sql("select alert_id, tenant_id::text as tenant_id, status, attempts, last_status_code,"
                        + " last_error, payload::text as payload from alert_delivery where alert_id = :id")
                .bind("id", alertId)
                .fetch()
                .one()
                .block();
    }

    /** Polls {@code condition} until it holds; fails after a deadline. */
    protected static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
