package dev.tollgate.admin.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new provider account, as posted to {@code POST /api/v1/providers}.
 *
 * @param name unique display name
 * @param type {@code openai}, {@code azure-openai}, {@code anthropic}, {@code gemini}, {@code bedrock},
 *     {@code openai-compatible} or {@code mock}
 * @param baseUrl root of its API; absent for {@code mock}, and may be absent for {@code anthropic}, {@code gemini} and
 *     {@code bedrock} (the gateway then calls the provider's public endpoint); required for the others
 * @param apiKey its API key (Bedrock: the secret access key): sealed at once, never returned
 * @param settings type-specific settings ({@link ProviderSettings}): Azure's {@code api_version}, Bedrock's
 *     {@code region} and {@code access_key_id} (both required), the {@code openai-compatible} switches
 *     {@code no_done} and {@code no_stream_usage} ({@code "true"} or {@code "false"})
 */
record ProviderForm(
        @NotBlank @Size(max = 200) @Nullable String name,

        @NotBlank
        @Pattern(
                regexp = "^(openai|azure-openai|anthropic|gemini|bedrock|openai-compatible|mock)$",
                message = "must be one of openai, azure-openai, anthropic, gemini, bedrock, openai-compatible, mock")
        @Nullable
        String type,

        @Size(max = 2000) @Nullable String baseUrl,
        @Size(max = 4096) @Nullable String apiKey,
        @Size(max = 50) @Nullable Map<String, String> settings) {

    @Override
    public String toString() {
        return "ProviderForm[name=" + name + ", type=" + type + "]";
    }
}
