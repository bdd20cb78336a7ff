package dev.tollgate.admin.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The type-specific rules of a provider account (the settings keys are those of
 * {@link dev.tollgate.model.route.ProviderSnapshot}): which types may leave {@code base_url} out for their public
 * endpoint, which must name one, what Bedrock needs, and the values the {@code openai-compatible} quirk switches take.
 */
final class ProviderSettings {

    static final String MOCK = "mock";
    static final String BEDROCK = "bedrock";
    static final String OPENAI_COMPATIBLE = "openai-compatible";

    /** Types the gateway can reach at the provider's public endpoint when no base URL is given. */
    static final List<String> PUBLIC_ENDPOINT_TYPES = List.of("anthropic", "gemini", BEDROCK);

    static final List<String> QUIRK_SWITCHES = List.of("no_done", "no_stream_usage");

    // us-east-1, eu-central-2, us-gov-west-1, ap-southeast-3 …
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d{1,2}$");
    // AKIA… (long-term) or ASIA… (temporary) access key ids are 16 to 128 upper-case letters and digits.
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("^[A-Z0-9]{16,128}$");

    private ProviderSettings() {}

    /** What is wrong with a new provider's base URL presence, settings and key, by snake_case field; empty if none. */
    static Map<String, String> check(
            String type, @Nullable String baseUrl, Map<String, String> settings, boolean hasKey) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean noUrl = baseUrl == null || baseUrl.isBlank();
        if (MOCK.equals(type) && !noUrl) {
            errors.put("base_url", "must be absent for the mock provider");
        } else if (noUrl && !MOCK.equals(type) && !PUBLIC_ENDPOINT_TYPES.contains(type)) {
            errors.put("base_url", "is required for provider type " + type);
        }
        if (BEDROCK.equals(type)) {
            bedrock(settings, hasKey, errors);
        }
        if (OPENAI_COMPATIBLE.equals(type)) {
            quirks(settings, errors);
        }
        return errors;
    }

    private static void bedrock(Map<String, String> settings, boolean hasKey, Map<String, String> errors) {
        String region = settings.get("region");
        if (region == null || region.isBlank()) {
            errors.put("settings.region", "is required for Bedrock, such as us-east-1");
        } else if (!REGION.matcher(region).matches()) {
            errors.put("settings.region", "must be an AWS region such as us-east-1");
        }
        String accessKeyId = settings.get("access_key_id");
        if (accessKeyId == null || accessKeyId.isBlank()) {
            errors.put("settings.access_key_id", "is required for Bedrock: the access key id, such as AKIA…");
        } else if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            errors.put("settings.access_key_id", "must be 16 to 128 upper-case letters and digits, such as AKIA…");
        }
        if (!hasKey) {
            errors.put("api_key", "is required for Bedrock: the secret access key");
        }
    }

    private static void quirks(Map<String, String> settings, Map<String, String> errors) {
        for (String name : QUIRK_SWITCHES) {
            String value = settings.get(name);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                errors.put("settings." + name, "must be \"true\" or \"false\"");
            }
        }
    }
}
