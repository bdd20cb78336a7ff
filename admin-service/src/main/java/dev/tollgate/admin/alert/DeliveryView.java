package dev.tollgate.admin.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One alert and how delivering it went, as the API and the console show it.
 *
 * @param alertId {@code {budget_id}:{period_id}:{threshold}}, also sent as {@code x-tollgate-delivery}
 * @param tenantId the tenant; {@code null} only for a malformed stream entry
 * @param tenantSlug the tenant's slug when the alert was read; {@code null} if unknown
 * @param budgetId the budget
 * @param periodId the budget period
 * @param thresholdPercent the threshold crossed
 * @param status {@code pending}, {@code delivered}, {@code failed} or {@code skipped}
 * @param attempts posts made so far
 * @param lastStatusCode the webhook's last HTTP status
 * @param lastError what went wrong last
 * @param nextAttemptAt when the next post is due, while {@code pending}
 * @param deliveredAt when a post succeeded
 * @param createdAt when the alert was read from the stream
 */
public record DeliveryView(
        String alertId,
        @Nullable UUID tenantId,
        @Nullable String tenantSlug,
        @Nullable String budgetId,
        @Nullable String periodId,
        @Nullable Integer thresholdPercent,
        String status,
        int attempts,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        Instant createdAt) {}
