package dev.tollgate.gateway.redis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Connection to the Redis the control plane publishes into, bound from {@code tollgate.redis}.
 *
 * @param uri the server, such as {@code redis://127.0.0.1:6379} or {@code rediss://user:password@host:6380/0}
 * @param poolSize pooled connections, and as many threads on the scheduler that runs commands
 * @param queueCapacity commands that may wait for a free thread before further ones are refused
 * @param commandTimeout limit for connecting, waiting for a pooled connection and each reply: the most a Redis outage
 *     adds to a request
 * @param maxReconnectBackoff longest pause between attempts to resubscribe to configuration changes
 */
@Validated
@ConfigurationProperties("tollgate.redis")
record RedisProperties(
        @DefaultValue("redis://127.0.0.1:6379") URI uri,
        @DefaultValue("16") @Min(1) @Max(1024) int poolSize,
        @DefaultValue("10000") @Min(1) int queueCapacity,
        @DefaultValue("250ms") Duration commandTimeout,
        @DefaultValue("5s") Duration maxReconnectBackoff) {

    @Override
    public String toString() {
        // The user-info part of the URI may hold a password; keep it out of logs and actuator output.
        return "RedisProperties[uri=" + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + "]";
    }

    int timeoutMillis() {
        return (int) Math.max(1, commandTimeout.toMillis());
    }
}
