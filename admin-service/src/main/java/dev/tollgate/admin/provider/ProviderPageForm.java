package dev.tollgate.admin.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The console's new-provider form: {@link ProviderForm} without type-specific settings, which only the REST API takes.
 *
 * @param apiKey sealed at once; a re-rendered form never echoes it back
 */
record ProviderPageForm(
        @NotBlank @Size(max = 200) @Nullable String name,

        @NotBlank
        @Pattern(
                regexp = "^(openai|azure-openai|anthropic|gemini|openai-compatible|mock)$",
                message = "must be one of the listed types")
        @Nullable
        String type,

        @Size(max = 2000) @Nullable String baseUrl,
        @Size(max = 4096) @Nullable String apiKey) {

    static final List<String> TYPES =
            List.of("openai", "azure-openai", "anthropic", "gemini", "openai-compatible", "mock");

    static ProviderPageForm empty() {
        return new ProviderPageForm(null, "openai", null, null);
    }

    ProviderForm toProviderForm() {
        return new ProviderForm(name, type, baseUrl == null || baseUrl.isBlank() ? null : baseUrl, apiKey, Map.of());
    }

    @Override
    public String toString() {
        return "ProviderPageForm[name=" + name + ", type=" + type + "]";
    }
}
