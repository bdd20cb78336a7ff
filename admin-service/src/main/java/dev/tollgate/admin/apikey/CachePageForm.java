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
 * The console's cache fields of a key, on the issue form and on the key's own cache page. Every choice has an empty
 * value, "as the route says", which {@link CacheForm} leaves out.
 *
 * @param perKey {@code true}, {@code false} or empty
 * @param semantic {@code true}, {@code false} or empty
 */
record CachePageForm(
        @Pattern(regexp = "|deterministic|always|off", message = "must be deterministic, always or off") @Nullable
        String mode,

        @Min(1) @Max(CacheForm.MAX_TTL_SECONDS) @Nullable Integer ttlSeconds,
        @Pattern(regexp = "|true|false") @Nullable String perKey,
        @Pattern(regexp = "|true|false") @Nullable String semantic,

        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Nullable
        BigDecimal similarityThreshold) {

    static final CachePageForm INHERITED = new CachePageForm(null, null, null, null, null);

    static CachePageForm of(@Nullable CacheSettings cache) {
        if (cache == null) {
            return INHERITED;
        }
        return new CachePageForm(
                cache.mode(),
                cache.ttlSeconds(),
                cache.perKey() == null ? null : cache.perKey().toString(),
                cache.semantic() == null ? null : cache.semantic().toString(),
                cache.similarityThreshold());
    }

    CacheForm toCacheForm() {
        return new CacheForm(
                mode == null || mode.isBlank() ? null : mode,
                ttlSeconds,
                choice(perKey),
                choice(semantic),
                similarityThreshold);
    }

    private static @Nullable Boolean choice(@Nullable String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }
}
