package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.provider.UpstreamTimeouts;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the Bedrock adapter, bound from {@code tollgate.provider.bedrock}: the limits of every Bedrock call.
 * Regions, model ids and credentials come with each published deployment.
 *
 * @param connectTimeout limit for opening a connection
 * @param firstByteTimeout limit until the upstream starts answering
 * @param idleTimeout longest silence between two stream events
 * @param totalTimeout limit for one whole call, first byte to last
 * @param maxConnections connections kept to Bedrock at most
 * @param maxResponseSize largest non-streaming response accepted
 */
@Validated
@ConfigurationProperties("tollgate.provider.bedrock")
public record BedrockProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration firstByteTimeout,
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("10m") Duration totalTimeout,
        @DefaultValue("500") @Min(1) int maxConnections,
        @DefaultValue("16MB") DataSize maxResponseSize) {

    UpstreamTimeouts timeouts() {
        return new UpstreamTimeouts(connectTimeout, firstByteTimeout, idleTimeout, totalTimeout);
    }
}
