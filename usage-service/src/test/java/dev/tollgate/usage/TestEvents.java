package dev.tollgate.usage;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Usage events as the gateway writes them, with only what a test cares about spelled out. */
public final class TestEvents {

    private TestEvents() {}

    /** A priced, successful request; {@code cost} null makes it unpriced. */
    public static UsageRecorded event(
            String tenant,
            String key,
            Instant at,
            @Nullable BigDecimal cost,
            @Nullable String endUser,
            @Nullable String model,
            @Nullable String costCenter,
            Map<String, String> tags) {
        return new UsageRecorded(
                UsageRecorded.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "req-" + UUID.randomUUID(),
                at,
                tenant,
                key,
                endUser,
                tags,
                model,
                "dep-1",
                model == null ? null : "openai",
                model,
                1000,
                200,
                100,
                0,
                10,
                false,
                cost,
                cost == null ? null : "2026-01-01T00:00:00Z",
                cost != null,
                UsageStatus.SUCCESS,
                200,
                500,
                null,
                false,
                0,
                costCenter,
                cost == null ? "model_not_priced" : null,
                null,
                null,
                null,
                null);
    }

    /** A priced request with no end user, cost center or tags. */
    public static UsageRecorded simple(String tenant, String key, Instant at, BigDecimal cost) {
        return event(tenant, key, at, cost, null, "gpt-4o-mini", null, Map.of());
    }
}
