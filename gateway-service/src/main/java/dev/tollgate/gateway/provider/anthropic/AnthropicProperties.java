package dev.tollgate.gateway.provider.anthropic;

import dev.tollgate.gateway.provider.UpstreamTimeouts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the Anthropic adapter, bound from {@code tollgate.provider.anthropic}: defaults for published Anthropic
 * deployments (each may override the version and default max tokens in its provider settings) and the limits of every
 * call. There is no static Anthropic upstream: deployments bring their own key.
 *
 * @param baseUrl root of the Messages API for deployments published without a base URL
 * @param apiVersion value of the {@code anthropic-version} header; a provider's {@code anthropic_version} setting wins
 * @param defaultMaxTokens {@code max_tokens} for requests that set none (Anthropic requires one); a provider's
 *     {@code default_max_tokens} setting wins
 * @param connectTimeout limit for opening a connection
 * @param firstByteTimeout limit until the upstream starts answering a stream
 * @param idleTimeout longest silence between two stream events
 * @param totalTimeout limit for one whole call, first byte to last
 * @param maxConnections connections kept to the upstream at most
 * @param maxResponseSize largest non-streaming response accepted
 */
@Validated
@ConfigurationProperties("tollgate.provider.anthropic")
public record AnthropicProperties(
        @DefaultValue("https://api.anthropic.com") URI baseUrl,
        @DefaultValue("2023-06-01") @NotBlank String apiVersion,
        @DefaultValue("4096") @Min(1) int defaultMaxTokens,
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
