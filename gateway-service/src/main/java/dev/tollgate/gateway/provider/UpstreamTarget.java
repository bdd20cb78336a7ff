package dev.tollgate.gateway.provider;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything an adapter needs to serve one published deployment.
 *
 * @param type the provider type, such as {@code openai}, {@code openai-compatible}, {@code azure-openai} or
 *     {@code mock}
 * @param baseUrl the root of its API as the control plane validated it; {@code null} for the type's default
 * @param apiKey its credential, opened in memory only; {@code null} when it needs none
 * @param upstreamModel the model name sent upstream in place of the public one
 * @param settings type-specific settings such as Azure's {@code api_version}
 */
public record UpstreamTarget(
        String type,
        @Nullable URI baseUrl,
        @Nullable String apiKey,
        String upstreamModel,
        Map<String, String> settings) {

    @Override
    public String toString() {
        return "UpstreamTarget[type=%s, baseUrl=%s, apiKey=%s, upstreamModel=%s]"
                .formatted(type, baseUrl, apiKey == null ? "none" : "***", upstreamModel);
    }
}
