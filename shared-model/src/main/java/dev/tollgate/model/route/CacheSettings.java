package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How the gateway's response cache treats requests of one route or one key. Any field left {@code null} takes the
 * value of the next level (key over route over the gateway's settings). A request's {@code x-tollgate-cache} header
 * still wins for that request.
 *
 * @param mode {@code deterministic} (cache only requests with {@code temperature: 0}), {@code always} (cache every
 *     request) or {@code off}
 * @param ttlSeconds how long an answer is kept
 * @param perKey whether answers are shared only by requests of the same key rather than the whole tenant
 * @param semantic whether near-duplicate prompts are answered too (the semantic cache), not only identical requests
 * @param similarityThreshold the cosine similarity, from 0 to 1 as a decimal string, at or above which a stored
 *     prompt counts as the same question
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CacheSettings(
        @Nullable String mode,
        @JsonProperty("ttl_seconds") @Nullable Integer ttlSeconds,
        @JsonProperty("per_key") @Nullable Boolean perKey,
        @Nullable Boolean semantic,
        @JsonProperty("similarity_threshold") @Nullable BigDecimal similarityThreshold) {

    public static final String DETERMINISTIC = "deterministic";
    public static final String ALWAYS = "always";
    public static final String OFF = "off";
}
