package dev.tollgate.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.alert.WebhookStub.Received;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class AlertDeliveryIntegrationTests extends AlertIntegrationTest {

    static final WebhookStub stub = WebhookStub.start();
    static final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @Test
    void deliversAnAlertWrittenTwiceOnceSignedWithTheSecretShownAtCreation(CapturedOutput output) throws Exception {
        String slug = unique("signed");
        String tenant = createTenant(slug);
        String url = stub.endpoint();
        String secret = createWebhook(tenant, url);
        BudgetThresholdCrossed alert = crossing(tenant);
        BudgetThresholdCrossed later = crossing(tenant);

        xadd(alert.toFields());
        xadd(alert.toFields());
        xadd(later.toFields());

        // The consumer files entries in stream order: once the later alert has a row, both copies were read.
        deliveryOnce(later.alertId(), row -> "delivered".equals(row.get("status")));
        deliveryOnce(alert.alertId(), row -> "delivered".equals(row.get("status")));
        assertThat(stub.received(url))
                .extracting(request -> request.header("x-tollgate-delivery"))
                .containsExactlyInAnyOrder(alert.alertId(), later.alertId());
        Received received = stub.received(url).stream()
                .filter(request -> alert.alertId().equals(request.header("x-tollgate-delivery")))
                .findFirst()
                .orElseThrow();
        assertThat(received.header("x-tollgate-event")).isEqualTo("budget.threshold_crossed");
        assertThat(received.header("content-type")).startsWith("application/json");
        String expected = "sha256=" + hmac(secret, received.header("x-tollgate-timestamp") + "." + received.body());
        assertThat(received.header("x-tollgate-signature")).isEqualTo(expected);
        Map<String, Object> body = json.readValue(received.body(), Map.class);
        assertThat(body)
                .containsEntry("event", "budget.threshold_crossed")
                .containsEntry("alert_id", alert.alertId())
                .containsEntry("tenant_slug", slug)
                .containsEntry("threshold_percent", 80)
                .containsEntry("spent_usd", "200.125")
                .containsEntry("period_end", "2026-12-01T00:00:00Z");
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void retriesAfterServerErrorsUntilTheWebhookAcceptsTheAlert() {
        String tenant = createTenant(unique("retry"));
        String url = stub.endpoint(500, 500, 200);
        createWebhook(tenant, url);
        BudgetThresholdCrossed alert = crossing(tenant);

        xadd(alert.toFields());

        Map<String, Object> row = deliveryOnce(alert.alertId(), done -> "delivered".equals(done.get("status")));
        assertThat(row).containsEntry("attempts", 3).containsEntry("last_status_code", 200);
        assertThat(stub.received(url))
                .extracting(received -> received.header("x-tollgate-delivery"))
                .containsOnly(alert.alertId())
                .hasSize(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        String tenant = createTenant(unique("down"));
        String url = stub.endpoint(503, 503, 503, 503, 503);
        createWebhook(tenant, url);
        BudgetThresholdCrossed alert = crossing(tenant);

        xadd(alert.toFields());

        Map<String, Object> row = deliveryOnce(alert.alertId(), done -> "failed".equals(done.get("status")));
        assertThat(row).containsEntry("attempts", 4).containsEntry("last_status_code", 503);
        assertThat(stub.received(url)).hasSize(4);
    }

    @Test
    void logsAlertsOfATenantWithoutWebhookAsSkipped() {
        String tenant = createTenant(unique("nohook"));
        BudgetThresholdCrossed alert = crossing(tenant);

        xadd(alert.toFields());

        deliveryOnce(alert.alertId(), row -> "skipped".equals(row.get("status")));
        get("/api/v1/tenants/" + tenant + "/webhook/deliveries", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1)
                .jsonPath("$.items[0].alert_id")
                .isEqualTo(alert.alertId())
                .jsonPath("$.items[0].status")
                .isEqualTo("skipped")
                .jsonPath("$.items[0].threshold_percent")
                .isEqualTo(80);
    }

    @Test
    void recordsAMalformedEntryAsFailedAndKeepsConsuming() {
        String tenant = createTenant(unique("malformed"));
        String url = stub.endpoint();
        createWebhook(tenant, url);
        BudgetThresholdCrossed alert = crossing(tenant);

        StreamEntryID garbage = xadd(Map.of("schema_version", "1", "tenant_id", tenant, "threshold_percent", "lots"));
        xadd(alert.toFields());

        deliveryOnce(alert.alertId(), row -> "delivered".equals(row.get("status")));
        assertThat(delivery("malformed:" + garbage))
                .containsEntry("status", "failed")
                .containsEntry("tenant_id", tenant)
                .satisfies(
                        row -> assertThat(String.valueOf(row.get("last_error"))).contains("malformed"));
        assertThat(stub.received(url)).hasSize(1);
    }

    @Test
    void takesOverAnAlertThatADeadConsumerReadButNeverAcknowledged() {
        String tenant = createTenant(unique("orphan"));
        String url = stub.endpoint();
        createWebhook(tenant, url);
        BudgetThresholdCrossed alert = crossing(tenant);

        // Appended and read by a consumer that then dies, in one transaction so the live consumer cannot read it first.
        try (var transaction = redis.multi()) {
            transaction.xadd(BudgetKeys.ALERTS_STREAM, StreamEntryID.NEW_ENTRY, alert.toFields());
            transaction.xreadGroup(
                    AlertStream.GROUP,
                    "dead-consumer",
                    XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(BudgetKeys.ALERTS_STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            transaction.exec();
        }

        deliveryOnce(alert.alertId(), row -> "delivered".equals(row.get("status")));
        assertThat(stub.received(url)).hasSize(1);
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
