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
 * @param type {@code openai}, {@code azure-openai}, {@code anthropic}, {@code gemini}, {@code openai-compatible} or
 *     {@code mock}
 * @param baseUrl root of its API; required for every type but {@code mock}
 * @param apiKey its API key: sealed at once, never returned
 * @param settings type-specific settings such as Azure's {@code api_version}
 */
record ProviderForm(
        @NotBlank @Size(max = 200) @Nullable String name,

        @NotBlank
        @Pattern(
                regexp = "^(openai|azure-openai|anthropic|gemini|openai-compatible|mock)$",
                message = "must be one of openai, azure-openai, anthropic, gemini, openai-compatible, mock")
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
