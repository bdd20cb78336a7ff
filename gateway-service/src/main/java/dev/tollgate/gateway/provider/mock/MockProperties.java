package dev.tollgate.gateway.provider.mock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the built-in mock provider, bound from {@code tollgate.provider.mock}.
 *
 * @param enabled whether {@code mock-chat} and {@code mock-embedding} are served
 * @param latency delay before the answer, or before the first stream chunk
 * @param streamChunks number of content chunks a streamed reply is cut into
 * @param chunkInterval delay between two stream chunks
 * @param embeddingDimensions length of the vectors {@code mock-embedding} returns
 */
@Validated
@ConfigurationProperties("tollgate.provider.mock")
public record MockProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0ms") Duration latency,
        @DefaultValue("8") @Min(1) @Max(10_000) int streamChunks,
        @DefaultValue("20ms") Duration chunkInterval,
        @DefaultValue("256") @Min(1) @Max(8192) int embeddingDimensions) {}
