package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.UpstreamTimeouts;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the Gemini adapter, bound from {@code tollgate.provider.gemini}. Deployments bring their own key and,
 * optionally, their own base URL; these are the defaults and limits of every Gemini call.
 *
 * @param baseUrl root of the Gemini API including its version, used by deployments published without a base URL
 * @param connectTimeout limit for opening a connection
 * @param firstByteTimeout limit until the upstream starts answering
 * @param idleTimeout longest silence between two stream events
 * @param totalTimeout limit for one whole call, first byte to last
 * @param maxConnections connections kept to Gemini at most
 * @param maxResponseSize largest non-streaming response accepted
 */
@Validated
@ConfigurationProperties("tollgate.provider.gemini")
record GeminiProperties(
        @DefaultValue("https://generativelanguage.googleapis.com/v1beta")
        URI baseUrl,

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
