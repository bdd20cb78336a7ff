package dev.tollgate.admin.apikey;

import dev.tollgate.model.route.CacheSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A key's response-cache settings, as the {@code cache} member of {@code POST /api/v1/tenants/{id}/keys} and the body
 * of {@code PUT /api/v1/keys/{id}/cache}. A field left out takes the route's (then the gateway's) value; all of them
 * left out clears the key's own settings.
 *
 * @param mode {@code deterministic}, {@code always} or {@code off}
 * @param ttlSeconds how long an answer is kept, 1 s to 30 days
 * @param perKey whether answers are shared only by this key's requests rather than its whole tenant's
 * @param semantic whether near-duplicate prompts are answered too
 * @param similarityThreshold cosine similarity from 0 to 1 (at most 4 decimals) at which a stored prompt is the same
 */
record CacheForm(
        @Pattern(regexp = "deterministic|always|off", message = "must be deterministic, always or off") @Nullable
        String mode,

        @Min(1) @Max(MAX_TTL_SECONDS) @Nullable Integer ttlSeconds,
        @Nullable Boolean perKey,
        @Nullable Boolean semantic,

        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Nullable
        BigDecimal similarityThreshold) {

    static final int MAX_TTL_SECONDS = 30 * 24 * 3600;

    /** The settings to publish, or {@code null} when the form sets none. */
    @Nullable
    CacheSettings settings() {
        if (mode == null && ttlSeconds == null && perKey == null && semantic == null && similarityThreshold == null) {
            return null;
        }
        return new CacheSettings(
                mode,
                ttlSeconds,
                perKey,
                semantic,
                similarityThreshold == null ? null : similarityThreshold.stripTrailingZeros());
    }
}
