package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.provider.UpstreamTarget;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BedrockTargetTests {

    static final Map<String, String> SETTINGS = Map.of("region", "eu-central-1", "access_key_id", "AKIDEXAMPLE");

    @Test
    void withoutABaseUrlTheRegionsRuntimeEndpointIsUsed() {
        BedrockTarget target =
                BedrockTarget.of(new UpstreamTarget("bedrock", null, "secret", "amazon.nova-micro-v1:0", SETTINGS));

        assertThat(target.uri("converse"))
                .isEqualTo(URI.create(
                        "https://bedrock-runtime.eu-central-1.amazonaws.com/model/amazon.nova-micro-v1%3A0/converse"));
        assertThat(target.region()).isEqualTo("eu-central-1");
    }

    @Test
    void anInferenceProfileArnIsOnePathSegment() {
        BedrockTarget target = BedrockTarget.of(new UpstreamTarget(
                "bedrock",
                URI.create("http://127.0.0.1:4711/"),
                "secret",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
                SETTINGS));

        assertThat(target.uri("converse-stream").getRawPath())
                .isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile"
                        + "%2Fus.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream");
    }

    @Test
    void aProviderWithoutRegionAccessKeyIdOrSecretIsUnusable() {
        assertThatThrownBy(() -> BedrockTarget.of(
                        new UpstreamTarget("bedrock", null, "secret", "m", Map.of("access_key_id", "AKID"))))
                .hasMessageContaining("region");
        assertThatThrownBy(() -> BedrockTarget.of(
                        new UpstreamTarget("bedrock", null, "secret", "m", Map.of("region", "us-east-1"))))
                .hasMessageContaining("access_key_id");
        assertThatThrownBy(() -> BedrockTarget.of(new UpstreamTarget("bedrock", null, null, "m", SETTINGS)))
                .hasMessageContaining("secret access key");
    }

    @Test
    void temporaryCredentialsAreRefusedRatherThanSignedWrong() {
        Map<String, String> settings = Map.of("region", "us-east-1", "access_key_id", "ASIA", "session_token", "token");

        assertThatThrownBy(() -> BedrockTarget.of(new UpstreamTarget("bedrock", null, "secret", "m", settings)))
                .hasMessageContaining("temporary credentials");
    }

    @Test
    void theSecretNeverAppearsInItsDescription() {
        BedrockTarget target = BedrockTarget.of(new UpstreamTarget("bedrock", null, "very-secret", "m", SETTINGS));

        assertThat(target.toString()).doesNotContain("very-secret").contains("AKIDEXAMPLE");
    }
}
