package dev.tollgate.admin.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's webhook as the API shows it and the audit log records it: never the signing secret.
 *
 * @param tenantId the tenant
 * @param configured whether the tenant has a webhook; when not, the other fields are empty
 * @param url where alerts are posted
 * @param enabled whether alerts are posted; a disabled webhook's alerts are logged as {@code skipped}
 * @param createdAt when the webhook was made
 * @param updatedAt when its URL, flag or secret last changed
 */
public record WebhookView(
        UUID tenantId,
        boolean configured,
        @Nullable String url,
        boolean enabled,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    static WebhookView none(UUID tenantId) {
        return new WebhookView(tenantId, false, null, false, null, null);
    }
}
