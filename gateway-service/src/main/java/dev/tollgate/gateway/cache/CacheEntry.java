package dev.tollgate.gateway.cache;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON stored under a cache key: the answer as its JSON text, and its token counts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record CacheEntry(
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("cached_tokens") long cachedTokens,
        @JsonProperty("cache_write_tokens") long cacheWriteTokens,
        @JsonProperty("reasoning_tokens") long reasoningTokens,
        @JsonProperty("estimated") boolean estimated,
        @JsonProperty("completion") @Nullable String completion,
        @JsonProperty("chunks") @Nullable List<String> chunks) {}
