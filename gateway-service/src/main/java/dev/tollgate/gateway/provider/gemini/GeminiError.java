package dev.tollgate.gateway.provider.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Gemini's error body, Google's standard {@code {"error":{"code","message","status","details"}}}.
 *
 * @param error the error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GeminiError(@JsonProperty("error") @Nullable Body error) {

    /**
     * The error itself.
     *
     * @param code the HTTP status it stands for
     * @param message a readable explanation
     * @param status the gRPC status name, such as {@code INVALID_ARGUMENT} or {@code RESOURCE_EXHAUSTED}
     * @param details typed details: {@code google.rpc.RetryInfo}, {@code ErrorInfo}, {@code QuotaFailure}…
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(
            @JsonProperty("code") @Nullable Integer code,
            @JsonProperty("message") @Nullable String message,
            @JsonProperty("status") @Nullable String status,
            @JsonProperty("details") @Nullable List<JsonNode> details) {

        List<JsonNode> detailsOrEmpty() {
            return details == null ? List.of() : details;
        }
    }
}
