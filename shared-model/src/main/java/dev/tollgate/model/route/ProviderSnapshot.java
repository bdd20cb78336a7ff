package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A provider account as the gateway sees it.
 *
 * @param providerId the provider's id
 * @param name its display name
 * @param type {@code openai}, {@code azure-openai}, {@code anthropic}, {@code gemini}, {@code bedrock},
 *     {@code openai-compatible}, or {@code mock} for the built-in offline provider
 * @param baseUrl the validated root of its API; {@code null} for the type's public endpoint
 * @param settings type-specific settings: Azure's {@code api_version}; Anthropic's {@code anthropic_version},
 *     {@code anthropic_beta} and
 *     {@code default_max_tokens}; Bedrock's {@code region} and {@code access_key_id}; for {@code openai-compatible}
 *     upstreams the quirk switches {@code no_done} ({@code "true"}: its streams end without {@code [DONE]}) and
 *     {@code no_stream_usage} ({@code "true"}: it rejects or ignores {@code stream_options}, so the gateway counts
 *     streamed tokens itself)
 * @param credential its API key (for Bedrock the secret access key), sealed; {@code null} for providers that need
 *     none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSnapshot(
        @JsonProperty("provider_id") String providerId,
        String name,
        String type,
        @JsonProperty("base_url") @Nullable String baseUrl,
        Map<String, String> settings,
        @Nullable SealedSecret credential) {}
