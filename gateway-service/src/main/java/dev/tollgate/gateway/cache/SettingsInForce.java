package dev.tollgate.gateway.cache;

import dev.tollgate.model.route.CacheSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The cache settings in force for one request: each field is the key's when it sets one, else the route's, else the
 * gateway's. A published value that is unusable (an unknown mode, a TTL that is not positive, a threshold outside 0 to
 * 1) counts as unset, so the next level's applies.
 *
 * @param mode {@code deterministic}, {@code always} or {@code off}
 * @param ttl how long an answer is kept when the caller does not say
 * @param perKey whether answers are shared only by requests of the same key
 * @param semantic whether near-duplicate prompts are answered too
 * @param similarityThreshold the cosine similarity at or above which a stored prompt is the same question
 */
record SettingsInForce(String mode, Duration ttl, boolean perKey, boolean semantic, double similarityThreshold) {

    private static final Set<String> MODES =
            Set.of(CacheSettings.DETERMINISTIC, CacheSettings.ALWAYS, CacheSettings.OFF);

    /**
     * The settings in force.
     *
     * @param gateway the gateway's own settings, the last level
     * @param route the route's published settings, {@code null} for none
     * @param key the key's published settings, {@code null} for none
     */
    static SettingsInForce of(Defaults gateway, @Nullable CacheSettings route, @Nullable CacheSettings key) {
        return new SettingsInForce(
                first(key, route, CacheSettings::mode, MODES::contains, gateway.mode()),
                first(key, route, SettingsInForce::ttl, ttl -> true, gateway.ttl()),
                first(key, route, CacheSettings::perKey, perKey -> true, gateway.perKey()),
                first(key, route, CacheSettings::semantic, semantic -> true, gateway.semantic()),
                first(key, route, SettingsInForce::threshold, threshold -> true, gateway.similarityThreshold()));
    }

    /**
     * The gateway's settings, which apply where neither key nor route sets one.
     *
     * @param mode {@code deterministic} or {@code off}, from {@code tollgate.cache.temperature-zero}
     * @param ttl {@code tollgate.cache.ttl}
     * @param perKey {@code tollgate.cache.per-key}
     * @param semantic {@code tollgate.cache.semantic.enabled}
     * @param similarityThreshold {@code tollgate.cache.semantic.similarity-threshold}
     */
    record Defaults(String mode, Duration ttl, boolean perKey, boolean semantic, double similarityThreshold) {}

    private static <T> T first(
            @Nullable CacheSettings key,
            @Nullable CacheSettings route,
            Function<CacheSettings, @Nullable T> field,
            Predicate<T> usable,
            T fallback) {
        for (CacheSettings level : new CacheSettings[] {key, route}) {
            T value = level == null ? null : field.apply(level);
            if (value != null && usable.test(value)) {
                return value;
            }
        }
        return fallback;
    }

    private static @Nullable Duration ttl(CacheSettings settings) {
        Integer seconds = settings.ttlSeconds();
        return seconds == null || seconds <= 0 ? null : Duration.ofSeconds(seconds);
    }

    private static @Nullable Double threshold(CacheSettings settings) {
        BigDecimal threshold = settings.similarityThreshold();
        boolean usable = threshold != null
                && threshold.compareTo(BigDecimal.ZERO) >= 0
                && threshold.compareTo(BigDecimal.ONE) <= 0;
        return usable ? threshold.doubleValue() : null;
    }
}
