package dev.tollgate.admin.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The console's new-provider form: {@link ProviderForm} with Bedrock's settings as fields of their own; other
 * type-specific settings are taken by the REST API only.
 *
 * @param apiKey sealed at once; a re-rendered form never echoes it back
 * @param region Bedrock's AWS region; ignored for other types
 * @param accessKeyId Bedrock's access key id; ignored for other types
 */
record ProviderPageForm(
        @NotBlank @Size(max = 200) @Nullable String name,

        @NotBlank
        @Pattern(
                regexp = "^(openai|azure-openai|anthropic|gemini|bedrock|openai-compatible|mock)$",
                message = "must be one of the listed types")
        @Nullable
        String type,

        @Size(max = 2000) @Nullable String baseUrl,
        @Size(max = 4096) @Nullable String apiKey,
        @Size(max = 40) @Nullable String region,
        @Size(max = 128) @Nullable String accessKeyId) {

    static final List<String> TYPES =
            List.of("openai", "azure-openai", "anthropic", "gemini", "bedrock", "openai-compatible", "mock");

    /** Where an error of the REST form's field shows on this page; anything else is shown above the form. */
    static final Map<String, String> FIELDS = Map.of(
            "base_url",
            "baseUrl",
            "api_key",
            "apiKey",
            "settings.region",
            "region",
            "settings.access_key_id",
            "accessKeyId");

    static ProviderPageForm empty() {
        return new ProviderPageForm(null, "openai", null, null, null, null);
    }

    ProviderForm toProviderForm() {
        return new ProviderForm(name, type, blankToNull(baseUrl), apiKey, settings());
    }

    private Map<String, String> settings() {
        if (!ProviderSettings.BEDROCK.equals(type)) {
            return Map.of();
        }
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (blankToNull(region) != null) {
            settings.put("region", region.strip());
        }
        if (blankToNull(accessKeyId) != null) {
            settings.put("access_key_id", accessKeyId.strip());
        }
        return settings;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "ProviderPageForm[name=" + name + ", type=" + type + "]";
    }
}
