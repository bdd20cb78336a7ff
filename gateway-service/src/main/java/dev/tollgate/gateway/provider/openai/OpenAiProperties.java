package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.provider.UpstreamTimeouts;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the OpenAI adapter, bound from {@code tollgate.provider.openai}: the limits of every OpenAI-style call,
 * and one optional static upstream, served only when {@code base-url} is set. Published deployments bring their own
 * address and key.
 *
 * @param baseUrl root of the static upstream's API including its version path, such as {@code https://api.openai.com/v1}
 * @param apiKey the static upstream's key, sent as a bearer token; from the environment, never defaulted
 * @param models the public model names forwarded to the static upstream under the same name
 * @param connectTimeout limit for opening a connection
 * @param firstByteTimeout limit until the upstream starts answering
 * @param idleTimeout longest silence between two stream events
 * @param totalTimeout limit for one whole call, first byte to last
 * @param maxConnections connections kept to the upstream at most
 * @param maxResponseSize largest non-streaming response accepted
 */
@Validated
@ConfigurationProperties("tollgate.provider.openai")
public record OpenAiProperties(
        @Nullable URI baseUrl,
        @Nullable String apiKey,

        @DefaultValue({"gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "text-embedding-3-small"})
        List<String> models,

        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration firstByteTimeout,
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("10m") Duration totalTimeout,
        @DefaultValue("500") @Min(1) int maxConnections,
        @DefaultValue("16MB") org.springframework.util.unit.DataSize maxResponseSize) {

    UpstreamTimeouts timeouts() {
        return new UpstreamTimeouts(connectTimeout, firstByteTimeout, idleTimeout, totalTimeout);
    }

    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=%s, apiKey=%s, models=%s]"
                .formatted(baseUrl, apiKey == null ? "unset" : "***", models);
    }
}
