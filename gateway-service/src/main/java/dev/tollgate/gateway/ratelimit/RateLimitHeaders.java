package dev.tollgate.gateway.ratelimit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's rate limit headers, {@code x-ratelimit-(limit|remaining|reset)-(requests|tokens)}, for the limits a key
 * has; a refusal adds {@code retry-after} in whole seconds. Resets read like OpenAI's ({@code 1s}, {@code 6m0s},
 * {@code 20ms}): Go's duration format.
 */
public final class RateLimitHeaders {

    private RateLimitHeaders() {}

    /**
     * The headers for the verdicts of all of a request's subjects (its key and its tenant): per dimension, the window
     * with the least left, since that is the one the caller will meet first.
     */
    public static Map<String, String> of(List<Verdict> verdicts) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "requests", tightest(verdicts, Verdict::requests));
        put(headers, "tokens", tightest(verdicts, Verdict::tokens));
        verdicts.stream()
                .filter(verdict -> !verdict.admitted())
                .findFirst()
                .ifPresent(denied -> headers.put("retry-after", String.valueOf(retryAfterSeconds(denied))));
        return headers;
    }

    static long retryAfterSeconds(Verdict verdict) {
        return Math.max(1, ceilDiv(verdict.retryAfterMicros(), 1_000_000));
    }

    private static Verdict.@Nullable Window tightest(
            List<Verdict> verdicts, Function<Verdict, Verdict.@Nullable Window> dimension) {
        return verdicts.stream()
                .map(dimension)
                .filter(Objects::nonNull)
                .min(Comparator.comparingLong(Verdict.Window::remaining))
                .orElse(null);
    }

    private static void put(Map<String, String> headers, String kind, Verdict.@Nullable Window window) {
        if (window != null) {
            headers.put("x-ratelimit-limit-" + kind, String.valueOf(window.limit()));
            headers.put("x-ratelimit-remaining-" + kind, String.valueOf(window.remaining()));
            headers.put("x-ratelimit-reset-" + kind, duration(window.resetMicros()));
        }
    }

    /** {@code 0s}, {@code 20ms}, {@code 1.5s}, {@code 6m0s}, {@code 1h2m3s}. */
    static String duration(long micros) {
        long millis = ceilDiv(Math.max(0, micros), 1000);
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(seconds(millis % 60_000)).append('s').toString();
    }

    private static String seconds(long millis) {
        String whole = String.valueOf(millis / 1000);
        long fraction = millis % 1000;
        if (fraction == 0) {
            return whole;
        }
        return whole + "." + String.format("%03d", fraction).replaceAll("0+$", "");
    }

    private static long ceilDiv(long value, long divisor) {
        return Math.ceilDiv(value, divisor);
    }
}
