package dev.tollgate.admin.publish;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing to Redis, bound from {@code tollgate.publish}.
 *
 * @param resyncInterval how often everything is rewritten from Postgres, so a flushed or lagging Redis heals itself
 * @param poolSize Redis connections, and threads of the scheduler that runs the blocking Jedis calls
 * @param queueCapacity Redis calls that may wait for a thread before new ones are refused
 */
@Validated
@ConfigurationProperties("tollgate.publish")
record PublishProperties(
        @DefaultValue("60s") Duration resyncInterval,
        @DefaultValue("8") @Min(1) int poolSize,
        @DefaultValue("1000") @Min(1) int queueCapacity) {}
