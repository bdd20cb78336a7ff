package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.route.Fallback;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * What a failed upstream attempt means for routing: whether another attempt may help, whether it speaks against the
 * deployment's health, and which fallback condition it is. Adapters normalise providers' errors into the gateway's
 * codes (and, for refusals of the request, the relayed OpenAI codes {@code context_length_exceeded} and
 * {@code content_filter}); this is the one place that reads them for routing.
 */
enum FailureKind {
    /** 429 from the provider: retried elsewhere, the deployment cools down for its {@code retry-after}. */
    RATE_LIMITED(Fallback.RATE_LIMITED, true, true),
    /** No answer in time, before the first byte. */
    TIMEOUT(Fallback.TIMEOUT, true, true),
    /** 5xx, 401/403 (our credential), refused or reset connections, HTML or garbage instead of an answer. */
    UNAVAILABLE(Fallback.UNAVAILABLE, true, true),
    /** The prompt does not fit: no deployment of the same model will take it, another model might. */
    CONTEXT_WINDOW(Fallback.CONTEXT_WINDOW_EXCEEDED, false, false),
    /** The provider's content filter refused the prompt or withheld the answer. */
    CONTENT_FILTER(Fallback.CONTENT_FILTER, false, false),
    /** The caller's request is wrong (or the gateway failed): sending it again changes nothing. */
    FINAL(null, false, false);

    private final @Nullable String condition;
    private final boolean retriable;
    private final boolean countsAgainstHealth;

    FailureKind(@Nullable String condition, boolean retriable, boolean countsAgainstHealth) {
        this.condition = condition;
        this.retriable = retriable;
        this.countsAgainstHealth = countsAgainstHealth;
    }

    static FailureKind of(Throwable failure) {
        if (!(failure instanceof GatewayException known)) {
            return FINAL;
        }
        return switch (known.code()) {
            case UPSTREAM_RATE_LIMITED -> RATE_LIMITED;
            case UPSTREAM_TIMEOUT -> TIMEOUT;
            case UPSTREAM_UNAVAILABLE, UPSTREAM_INVALID_RESPONSE -> UNAVAILABLE;
            case UPSTREAM_REJECTED -> refusal(known);
            default -> FINAL;
        };
    }

    private static FailureKind refusal(GatewayException refused) {
        String code = refused.relayed() == null
                ? ""
                : String.valueOf(refused.relayed().code());
        return switch (code) {
            case "context_length_exceeded" -> CONTEXT_WINDOW;
            case "content_filter", "content_policy_violation" -> CONTENT_FILTER;
            default -> FINAL;
        };
    }

    /** The fallback condition this failure meets, {@code null} for none. */
    @Nullable
    String condition() {
        return condition;
    }

    boolean retriable() {
        return retriable;
    }

    boolean countsAgainstHealth() {
        return countsAgainstHealth;
    }

    /** The provider's {@code retry-after} (seconds or an HTTP date); zero when it gave none. */
    static Duration retryAfter(Throwable failure) {
        if (!(failure instanceof GatewayException known)) {
            return Duration.ZERO;
        }
        String value = known.headers().get(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            return untilDate(value.strip());
        }
    }

    private static Duration untilDate(String value) {
        try {
            Duration until = Duration.between(
                    ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return Duration.ZERO;
        }
    }
}
