package dev.tollgate.model.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageRecordedTests {

    static UsageRecorded pricedStream() {
        return new UsageRecorded(
                1,
                "0192f0c4-7a1b-7c3d-8e4f-0123456789ab",
                "req-1",
                Instant.parse("2026-03-01T10:15:30.123Z"),
                "tenant-a",
                "key-a",
                "alice",
                Map.of("team", "search", "env", "prod"),
                "team-gpt",
                "dep-1",
                "openai",
                "gpt-4o-mini",
                1234,
                89,
                567,
                0,
                21,
                false,
                new BigDecimal("0.0001959750000"),
                "2026-01-01T00:00:00Z",
                true,
                UsageStatus.SUCCESS,
                200,
                812,
                95L,
                true,
                0,
                "cc-search",
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void roundTripsThroughFlatFields() {
        UsageRecorded event = pricedStream();

        UsageRecorded read = UsageRecorded.fromFields(event.toFields());

        assertThat(read).isEqualTo(event);
    }

    @Test
    void roundTripsFallbacksAndGuardrailDecisions() {
        UsageRecorded plain = pricedStream();
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
                0,
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
                3,
                plain.costCenter(),
                plain.errorCode(),
                plain.template(),
                plain.cache(),
                new UsageRecorded.RoutingUse(1, "claude-fallback"),
                new UsageRecorded.GuardrailUse("redacted", java.util.List.of("pii.email", "pii.phone")));

        Map<String, String> fields = event.toFields();

        assertThat(fields)
                .containsEntry("retries", "3")
                .containsEntry("fallbacks", "1")
                .containsEntry("served_model", "claude-fallback")
                .containsEntry("guardrail_action", "redacted")
                .containsEntry("guardrail_hits", "pii.email,pii.phone");
        assertThat(UsageRecorded.fromFields(fields)).isEqualTo(event);
    }

    @Test
    void writesAmountsAsPlainDecimalsAndTagsAsPrefixedFields() {
        Map<String, String> fields = pricedStream().toFields();

        assertThat(fields)
                .containsEntry("cost_usd", "0.0001959750000")
                .containsEntry("status", "success")
                .containsEntry("tag.team", "search")
                .containsEntry("schema_version", "1");
    }

    @Test
    void leavesOutNullsAndReadsThemBackAsNull() {
        UsageRecorded unpriced = new UsageRecorded(
                1,
                "id",
                "req",
                Instant.EPOCH,
                "t",
                "k",
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                true,
                null,
                null,
                false,
                UsageStatus.REJECTED,
                404,
                3,
                null,
                false,
                0,
                null,
                null,
                null,
                null,
                null,
                null);

        Map<String, String> fields = unpriced.toFields();

        assertThat(fields).doesNotContainKeys("cost_usd", "price_version", "end_user", "ttft_ms", "requested_model");
        assertThat(UsageRecorded.fromFields(fields)).isEqualTo(unpriced);
    }

    @Test
    void refusesAnotherSchemaVersionAndNamesMissingFields() {
        Map<String, String> fields = new HashMap<>(pricedStream().toFields());
        fields.put("schema_version", "2");
        assertThatIllegalArgumentException().isThrownBy(() -> UsageRecorded.fromFields(fields));

        fields.put("schema_version", "1");
        fields.remove("key_id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UsageRecorded.fromFields(fields))
                .withMessageContaining("key_id");
    }
}
