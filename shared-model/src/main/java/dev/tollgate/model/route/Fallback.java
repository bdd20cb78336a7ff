package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;

/**
 * Another public model to try when a model's own deployments and retries could not answer.
 *
 * @param model the public model name to fall back to; its own deployments, strategy and retries apply, its own
 *     fallbacks do not (no chains, no cycles)
 * @param on the failures that move a request to it, from {@link #CONDITIONS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fallback(String model, List<String> on) {

    /** Every deployment refused for rate limits, or is cooling down after them. */
    public static final String RATE_LIMITED = "rate_limited";

    /** The prompt does not fit the model's context window. */
    public static final String CONTEXT_WINDOW_EXCEEDED = "context_window_exceeded";

    /** The provider's content filter refused the prompt or cut the answer. */
    public static final String CONTENT_FILTER = "content_filter";

    /** The provider did not answer in time. */
    public static final String TIMEOUT = "timeout";

    /** The provider failed otherwise: a 5xx, a refused or reset connection, an invalid answer, a circuit open. */
    public static final String UNAVAILABLE = "unavailable";

    public static final Set<String> CONDITIONS =
            Set.of(RATE_LIMITED, CONTEXT_WINDOW_EXCEEDED, CONTENT_FILTER, TIMEOUT, UNAVAILABLE);

    public Fallback {
        on = List.copyOf(on);
    }
}
