package dev.tollgate.gateway.cache.semantic;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The semantic response cache, bound from {@code tollgate.cache.semantic}. Routes and keys may turn it on or off and
 * set their own threshold (their published {@code cache} settings); these are the gateway's defaults and its
 * machinery.
 *
 * @param enabled whether requests that are cached at all are also answered by near-duplicate prompts, where neither
 *     key nor route says
 * @param similarityThreshold the cosine similarity of the last user turns at or above which a stored prompt counts as
 *     the same question, where neither key nor route says
 * @param embeddingModel the public model name of an embeddings route the gateway serves (such as
 *     {@code text-embedding-3-small}) to embed prompts with; empty for the in-process MiniLM model (offline, no
 *     provider call)
 * @param embeddingThreads threads of the scheduler that embeds prompts and searches the index, never an event loop
 * @param embeddingTimeout the longest a lookup waits for its embedding and search; past it the request is a miss
 * @param maxPromptLength the longest last user turn, in characters, that is embedded; longer ones use the exact cache
 *     only
 * @param maxEntries the most entries this instance's in-process index holds; past it the least recently used go
 * @param syncInterval how often this instance reads the entries other instances added
 */
@Validated
@ConfigurationProperties("tollgate.cache.semantic")
public record SemanticProperties(
        @DefaultValue("false") boolean enabled,

        @DefaultValue("0.92") @DecimalMin("0") @DecimalMax("1")
        double similarityThreshold,

        @DefaultValue("") String embeddingModel,
        @DefaultValue("2") @Min(1) int embeddingThreads,
        @DefaultValue("1s") Duration embeddingTimeout,
        @DefaultValue("4000") @Min(1) int maxPromptLength,
        @DefaultValue("50000") @Min(1) int maxEntries,

        @DefaultValue("1s") Duration syncInterval) {}
