package dev.tollgate.admin.alert;

import dev.tollgate.admin.alert.DeliveryRepository.NewDelivery;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.admin.tenant.TenantView;
import dev.tollgate.model.budget.BudgetThresholdCrossed;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files one stream entry as a delivery row. An alert already filed is left alone, so an alert written twice is sent
 * once. A malformed entry is filed as {@code failed} with the raw fields, so it is visible rather than lost or retried
 * forever. Completes once the row is committed; only then may the entry be acknowledged.
 */
@Component
class AlertFiler {

    private static final Logger log = LoggerFactory.getLogger(AlertFiler.class);

    private final DeliveryRepository deliveries;
    private final TenantService tenants;
    private final JsonMapper json;

    AlertFiler(DeliveryRepository deliveries, TenantService tenants, JsonMapper json) {
        this.deliveries = deliveries;
        this.tenants = tenants;
        this.json = json;
    }

    Mono<Boolean> file(StreamEntry entry) {
        Map<String, String> fields = entry.getFields() == null ? Map.of() : entry.getFields();
        String entryId = entry.getID().toString();
        BudgetThresholdCrossed alert;
        UUID tenantId;
        try {
            alert = BudgetThresholdCrossed.fromFields(fields);
            tenantId = UUID.fromString(alert.tenantId());
        } catch (IllegalArgumentException malformed) {
            return fileMalformed(entryId, fields, malformed);
        }
        return slugOf(tenantId)
                .map(slug -> AlertPayload.of(alert, slug.isEmpty() ? null : slug))
                .map(payload -> new NewDelivery(
                        alert.alertId(), tenantId, json.writeValueAsString(payload), "pending", null, entryId))
                .flatMap(deliveries::insert);
    }

    private Mono<String> slugOf(UUID tenantId) {
        return tenants.get(Caller.system(), tenantId).map(TenantView::slug).onErrorReturn("");
    }

    private Mono<Boolean> fileMalformed(String entryId, Map<String, String> fields, Exception malformed) {
        log.warn(
                "Budget alert stream entry {} is malformed and will not be delivered: {}",
                entryId,
                malformed.getMessage());
        String reason = "malformed stream entry: " + malformed.getMessage();
        return deliveries.insert(new NewDelivery(
                "malformed:" + entryId,
                tenantOf(fields),
                json.writeValueAsString(fields),
                "failed",
                reason.length() > 500 ? reason.substring(0, 500) : reason,
                entryId));
    }

    private static @Nullable UUID tenantOf(Map<String, String> fields) {
        try {
            String tenant = fields.get("tenant_id");
            return tenant == null ? null : UUID.fromString(tenant);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
