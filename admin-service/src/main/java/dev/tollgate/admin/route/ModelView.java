package dev.tollgate.admin.route;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A public model as the API shows it. Money is written as decimal strings, never binary floating point. */
record ModelView(UUID id, String name, String strategy, List<DeploymentView> deployments, Instant createdAt) {

    /** One deployment, with the prices in force now. */
    record DeploymentView(
            UUID id,
            UUID providerId,
            String upstreamModel,
            int weight,
            int priority,
            @Nullable Instant effectiveFrom,
            @Nullable String inputPricePerMtok,
            @Nullable String outputPricePerMtok,
            @Nullable String cachedInputPricePerMtok) {

        /**
         * Whether a price is in force. An unpriced deployment is never silently free: its usage is recorded as
         * unpriced, so the console flags it.
         */
        @JsonProperty("priced")
        public boolean priced() {
            return inputPricePerMtok != null;
        }
    }
}
