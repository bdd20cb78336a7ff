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
 * @param type {@code openai}, {@code azure-openai}, {@code anthropic}, {@code gemini}, {@code openai-compatible}, or
 *     {@code mock} for the built-in offline provider
 * @param baseUrl the validated root of its API
 * @param settings type-specific settings such as Azure's {@code api_version}
 * @param credential its API key, sealed; {@code null} for providers that need none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSnapshot(
        @JsonProperty("provider_id") String providerId,
        String name,
        String type,
        @JsonProperty("base_url") @Nullable String baseUrl,
        Map<String, String> settings,
        @Nullable SealedSecret credential) {}
