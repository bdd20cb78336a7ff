package dev.tollgate.admin.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.RetryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A public model as the API shows it. Money is written as decimal strings, never binary floating point.
 *
 * @param retry {@code null}: the gateway's default retries
 * @param fallbacks in the order they are tried
 * @param cache {@code null}: the gateway's cache settings
 * @param version grows by one with every change; sent as the {@code ETag}, and checked against {@code If-Match}
 */
record ModelView(
        UUID id,
        String name,
        String strategy,
        List<DeploymentView> deployments,
        @Nullable RetryPolicy retry,
        List<Fallback> fallbacks,
        @Nullable CacheSettings cache,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether every deployment has a price in force; the console flags models that do not. */
    @JsonProperty("priced")
    public boolean priced() {
        return deployments.stream().allMatch(DeploymentView::priced);
    }

    /** The {@code ETag} of this version of the model. */
    String etag() {
        return "\"" + version + "\"";
    }

    /** One deployment, with the prices the API shows: those in force now, else the next to start. */
    record DeploymentView(
            UUID id,
            UUID providerId,
            String upstreamModel,
            int weight,
            int priority,
            @Nullable Instant effectiveFrom,
            @Nullable String inputPricePerMtok,
            @Nullable String outputPricePerMtok,
            @Nullable String cachedInputPricePerMtok,
            @Nullable String cacheWritePricePerMtok) {

        /**
         * Whether a price is in force. An unpriced deployment is never silently free: its usage is recorded as
         * unpriced, so the console flags it.
         */
        @JsonProperty("priced")
        public boolean priced() {
            // Without a version in force the listing shows the next one to start, which does not price today's calls.
            return effectiveFrom != null && !effectiveFrom.isAfter(Instant.now());
        }
    }
}
