package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Prices in USD per million tokens, in force from an instant on, so that prices can change mid-month without
 * rewriting history. Serialised as decimal strings, never binary floating point.
 *
 * @param effectiveFrom the first instant these prices apply to
 * @param inputPerMtok price per million prompt tokens
 * @param outputPerMtok price per million completion tokens
 * @param cachedInputPerMtok price per million cached prompt tokens; {@code null} means the input price
 * @param cacheWritePerMtok price per million prompt tokens written to the provider's prompt cache (Anthropic and
 *     Bedrock charge a surcharge for them); {@code null} means the input price
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceVersion(
        @JsonProperty("effective_from") Instant effectiveFrom,
        @JsonProperty("input_per_mtok") BigDecimal inputPerMtok,
        @JsonProperty("output_per_mtok") BigDecimal outputPerMtok,
        @JsonProperty("cached_input_per_mtok") @Nullable BigDecimal cachedInputPerMtok,
        @JsonProperty("cache_write_per_mtok") @Nullable BigDecimal cacheWritePerMtok) {}
