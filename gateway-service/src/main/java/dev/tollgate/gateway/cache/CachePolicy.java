package dev.tollgate.gateway.cache;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.route.CacheSettings;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Which requests are cached. {@code x-tollgate-cache: off} never is; {@code on} always is; {@code refresh} is not
 * looked up but its fresh answer is stored; without the header the mode in force decides (the key's, else the
 * route's, else the gateway's): {@code deterministic} caches a request that explicitly sets {@code temperature} to 0,
 * {@code always} every request, {@code off} none. {@code x-tollgate-cache-ttl} (seconds) sets how long its answer is
 * kept, capped by {@code max-ttl}; without it (or when it is not a positive number) the TTL in force applies.
 */
final class CachePolicy {

    static final String MODE_HEADER = "x-tollgate-cache";
    static final String TTL_HEADER = "x-tollgate-cache-ttl";

    private CachePolicy() {}

    /** How the cache treats a request. */
    enum Mode {
        BYPASS,
        LOOKUP,
        REFRESH
    }

    static Mode mode(
            CacheProperties properties, HttpHeaders headers, ChatCompletionRequest request, SettingsInForce settings) {
        if (!properties.enabled()) {
            return Mode.BYPASS;
        }
        String asked = headers.getFirst(MODE_HEADER);
        return switch (asked == null ? "" : asked.trim().toLowerCase(Locale.ROOT)) {
            case "off" -> Mode.BYPASS;
            case "on" -> Mode.LOOKUP;
            case "refresh" -> Mode.REFRESH;
            default -> byMode(settings.mode(), request);
        };
    }

    static Duration ttl(CacheProperties properties, HttpHeaders headers, SettingsInForce settings) {
        Duration asked = seconds(headers.getFirst(TTL_HEADER));
        if (asked == null) {
            return settings.ttl();
        }
        return asked.compareTo(properties.maxTtl()) > 0 ? properties.maxTtl() : asked;
    }

    private static Mode byMode(String mode, ChatCompletionRequest request) {
        return switch (mode) {
            case CacheSettings.ALWAYS -> Mode.LOOKUP;
            case CacheSettings.DETERMINISTIC -> deterministic(request) ? Mode.LOOKUP : Mode.BYPASS;
            default -> Mode.BYPASS;
        };
    }

    private static boolean deterministic(ChatCompletionRequest request) {
        return request.temperature() != null && request.temperature() == 0.0;
    }

    private static @Nullable Duration seconds(@Nullable String value) {
        if (value == null || !value.trim().matches("[0-9]{1,9}")) {
            return null;
        }
        long seconds = Long.parseLong(value.trim());
        return seconds == 0 ? null : Duration.ofSeconds(seconds);
    }
}
