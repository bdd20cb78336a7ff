package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How a failed upstream attempt is retried. Retries happen only before the first byte reaches the caller, move to
 * the next deployment when there is one, and wait a jittered, growing backoff (or the provider's {@code retry-after}
 * when it is shorter than the cap) before trying the same deployment again.
 *
 * @param maxRetries attempts after the first, across this model's deployments; {@code 0} never retries
 * @param backoffMs the first backoff; each later one doubles, drawn at random below that bound ("full jitter");
 *     {@code null} for the gateway's default
 * @param maxBackoffMs the cap of one backoff, and the longest {@code retry-after} that is waited for rather than
 *     moving on; {@code null} for the gateway's default
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetryPolicy(
        @JsonProperty("max_retries") int maxRetries,
        @JsonProperty("backoff_ms") @Nullable Integer backoffMs,
        @JsonProperty("max_backoff_ms") @Nullable Integer maxBackoffMs) {}
