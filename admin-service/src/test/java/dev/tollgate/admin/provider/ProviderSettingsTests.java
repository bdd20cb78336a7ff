package dev.tollgate.admin.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTests {

    @Test
    void anthropicGeminiAndBedrockMayUseTheirPublicEndpointOthersNeedABaseUrl() {
        assertThat(ProviderSettings.check("anthropic", null, Map.of(), true)).isEmpty();
        assertThat(ProviderSettings.check("gemini", " ", Map.of(), true)).isEmpty();
        assertThat(ProviderSettings.check("openai", null, Map.of(), true)).containsOnlyKeys("base_url");
        assertThat(ProviderSettings.check("azure-openai", null, Map.of(), true)).containsOnlyKeys("base_url");
        assertThat(ProviderSettings.check("mock", "https://x.example", Map.of(), false))
                .containsOnlyKeys("base_url");
    }

    @Test
    void bedrockNeedsARegionAnAccessKeyIdAndTheSecret() {
        Map<String, String> settings = Map.of("region", "us-gov-west-1", "access_key_id", "ASIAIOSFODNN7EXAMPLE");

        assertThat(ProviderSettings.check("bedrock", null, settings, true)).isEmpty();
        assertThat(ProviderSettings.check("bedrock", null, Map.of(), false))
                .containsOnlyKeys("settings.region", "settings.access_key_id", "api_key");
        assertThat(ProviderSettings.check(
                        "bedrock", null, Map.of("region", "US East", "access_key_id", "akia-lower"), true))
                .containsOnlyKeys("settings.region", "settings.access_key_id");
    }

    @Test
    void openAiCompatibleSwitchesAreTrueOrFalse() {
        String url = "https://llm.example/v1";

        assertThat(ProviderSettings.check("openai-compatible", url, Map.of("no_done", "true"), false))
                .isEmpty();
        assertThat(ProviderSettings.check(
                        "openai-compatible", url, Map.of("no_done", "1", "no_stream_usage", "TRUE"), false))
                .containsOnlyKeys("settings.no_done", "settings.no_stream_usage");
        assertThat(ProviderSettings.check("openai", url, Map.of("no_done", "1"), false))
                .isEmpty();
    }
}
