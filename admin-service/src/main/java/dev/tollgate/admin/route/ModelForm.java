package dev.tollgate.admin.route;

import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.RetryPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new public model, as posted to {@code POST /api/v1/models}. Prices are USD per million tokens and may be sent as
 * JSON numbers or decimal strings. Which strategies and fallback conditions exist, and every rule that spans fields,
 * is checked by {@link RouteRules}.
 *
 * @param name the public model name clients send
 * @param strategy one of {@link dev.tollgate.model.route.ModelRoute#STRATEGIES}; {@code priority} when absent
 * @param deployments the upstreams that serve it
 * @param retry how failed attempts are retried; absent for the gateway's default
 * @param fallbacks other public models to try, in order; absent for none
 * @param cache how the response cache treats the model; absent for the gateway's settings
 */
record ModelForm(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$",
                message = "must be 1 to 128 letters, digits or ._:/- and start with a letter or digit")
        @Nullable
        String name,

        @Nullable String strategy,
        @NotEmpty @Size(max = 20) @Nullable List<@Valid @NotNull DeploymentForm> deployments,
        @Valid @Nullable RetryForm retry,
        @Size(max = 10) @Nullable List<@Valid @NotNull FallbackForm> fallbacks,
        @Valid @Nullable CacheForm cache) {

    /** A model with the gateway's default retries and cache and no fallbacks. */
    ModelForm(@Nullable String name, @Nullable String strategy, @Nullable List<DeploymentForm> deployments) {
        this(name, strategy, deployments, null, null, null);
    }

    RouteSpec spec() {
        return RouteSpec.of(strategy, deployments, retry, fallbacks, cache);
    }

    /**
     * @param id an existing deployment's id, in an update only: the deployment keeps it (the gateway keys circuit
     *     breakers and latency statistics by it); absent for a new deployment
     * @param providerId the provider account to call; fixed once the deployment exists
     * @param upstreamModel the model name sent upstream
     * @param weight share of traffic under {@code weighted} (and among equal priorities); default 1
     * @param priority order under {@code priority}, lowest first; default 0
     * @param cachedInputPricePerMtok per million prompt tokens served from the provider's cache; absent for the input
     *     price
     * @param cacheWritePricePerMtok per million prompt tokens written to the provider's cache (Anthropic charges more
     *     for them); absent for the input price
     * @param effectiveFrom when these prices start to apply; absent for "now", or in an update for the prices shown
     *     now (see {@link PricePlan})
     */
    record DeploymentForm(
            @Nullable UUID id,

            @NotNull(message = "must name a provider") @Nullable
            UUID providerId,

            @NotBlank @Size(max = 200) @Nullable String upstreamModel,
            @Min(0) @Nullable Integer weight,
            @Nullable Integer priority,

            @NotNull(message = "is required") @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal inputPricePerMtok,

            @NotNull(message = "is required") @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal outputPricePerMtok,

            @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal cachedInputPricePerMtok,

            @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal cacheWritePricePerMtok,

            @Nullable Instant effectiveFrom) {

        int weightOrDefault() {
            return weight == null ? 1 : weight;
        }

        int priorityOrDefault() {
            return priority == null ? 0 : priority;
        }
    }

    /**
     * {@link RetryPolicy} as posted.
     *
     * @param maxRetries attempts after the first, 0 to 10
     * @param backoffMs the first backoff, 1 ms to 60 s; absent for the gateway's default
     * @param maxBackoffMs the cap of one backoff, 1 ms to 60 s and at least {@code backoffMs}; absent for the
     *     gateway's default
     */
    record RetryForm(
            @NotNull @Min(0) @Max(10) @Nullable Integer maxRetries,
            @Min(1) @Max(60_000) @Nullable Integer backoffMs,
            @Min(1) @Max(60_000) @Nullable Integer maxBackoffMs) {

        RetryPolicy toPolicy() {
            return new RetryPolicy(maxRetries == null ? 0 : maxRetries, backoffMs, maxBackoffMs);
        }
    }

    /**
     * {@link Fallback} as posted.
     *
     * @param model another existing public model
     * @param on the conditions that move a request to it, from {@link Fallback#CONDITIONS}
     */
    record FallbackForm(
            @NotBlank @Size(max = 128) @Nullable String model,

            @NotEmpty(message = "must list at least one condition") @Size(max = 5) @Nullable
            List<@NotNull String> on) {

        Fallback toFallback() {
            return new Fallback(String.valueOf(model).strip(), on == null ? List.of() : on);
        }
    }

    /**
     * {@link CacheSettings} as posted; a field left out takes the gateway's setting.
     *
     * @param mode {@code deterministic}, {@code always} or {@code off}
     * @param ttlSeconds how long an answer is kept, 1 s to 30 days
     * @param perKey share answers only among requests of one key
     * @param semantic answer near-duplicate prompts too
     * @param similarityThreshold 0 to 1, at most 4 decimals
     */
    record CacheForm(
            @Nullable String mode,
            @Min(1) @Max(2_592_000) @Nullable Integer ttlSeconds,
            @Nullable Boolean perKey,
            @Nullable Boolean semantic,

            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Nullable
            BigDecimal similarityThreshold) {

        /** The settings, or {@code null} when every field is left to the gateway. */
        @Nullable
        CacheSettings toSettings() {
            boolean empty = mode == null
                    && ttlSeconds == null
                    && perKey == null
                    && semantic == null
                    && similarityThreshold == null;
            return empty ? null : new CacheSettings(mode, ttlSeconds, perKey, semantic, similarityThreshold);
        }
    }
}
