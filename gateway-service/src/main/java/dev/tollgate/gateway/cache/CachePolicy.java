package dev.tollgate.gateway.cache;

import dev.tollgate.model.openai.ChatCompletionRequest;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Which requests are cached. {@code x-tollgate-cache: off} never is; {@code on} always is; {@code refresh} is not
 * looked up but its fresh answer is stored; without the header a request is cached when it explicitly sets
 * {@code temperature} to 0 (unless that default is turned off). {@code x-tollgate-cache-ttl} (seconds) sets how long
 * its answer is kept, capped by {@code max-ttl}; a value that is not a positive number is ignored.
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

    static Mode mode(CacheProperties properties, HttpHeaders headers, ChatCompletionRequest request) {
        if (!properties.enabled()) {
            return Mode.BYPASS;
        }
        String asked = headers.getFirst(MODE_HEADER);
        return switch (asked == null ? "" : asked.trim().toLowerCase(Locale.ROOT)) {
            case "off" -> Mode.BYPASS;
            case "on" -> Mode.LOOKUP;
            case "refresh" -> Mode.REFRESH;
            default -> properties.temperatureZero() && deterministic(request) ? Mode.LOOKUP : Mode.BYPASS;
        };
    }

    static Duration ttl(CacheProperties properties, HttpHeaders headers) {
        Duration asked = seconds(headers.getFirst(TTL_HEADER));
        if (asked == null) {
            return properties.ttl();
        }
        return asked.compareTo(properties.maxTtl()) > 0 ? properties.maxTtl() : asked;
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
