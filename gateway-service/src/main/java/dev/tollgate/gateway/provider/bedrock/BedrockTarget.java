package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.provider.UpstreamTarget;
import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Where one Bedrock deployment lives and how its requests are signed.
 *
 * @param endpoint the Bedrock runtime endpoint, {@code https://bedrock-runtime.{region}.amazonaws.com} unless the
 *     provider sets a base URL
 * @param region the AWS region requests are signed for, such as {@code us-east-1}
 * @param accessKeyId the IAM access key id (provider setting {@code access_key_id})
 * @param secretAccessKey the secret access key (the provider's sealed credential)
 * @param modelId the model id, inference profile id or ARN (the deployment's upstream model)
 */
record BedrockTarget(URI endpoint, String region, String accessKeyId, String secretAccessKey, String modelId) {

    static final String TYPE = "bedrock";
    static final String REGION = "region";
    static final String ACCESS_KEY_ID = "access_key_id";
    static final String SESSION_TOKEN = "session_token";
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+");

    static BedrockTarget of(UpstreamTarget target) {
        String region = required(target.settings().get(REGION), "the setting " + REGION);
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("a bedrock provider's region must look like us-east-1");
        }
        if (target.settings().containsKey(SESSION_TOKEN)) {
            // Temporary credentials need a session token, which is a secret and does not belong in settings.
            throw new IllegalArgumentException("bedrock providers do not support temporary credentials yet");
        }
        URI endpoint = target.baseUrl() != null
                ? target.baseUrl()
                : URI.create("https://bedrock-runtime." + region + ".amazonaws.com");
        return new BedrockTarget(
                endpoint,
                region,
                required(target.settings().get(ACCESS_KEY_ID), "the setting " + ACCESS_KEY_ID),
                required(target.apiKey(), "a secret access key as its API key"),
                target.upstreamModel());
    }

    private static String required(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a bedrock provider needs " + what);
        }
        return value.strip();
    }

    /**
     * The URL of {@code converse} or {@code converse-stream} for this model. The model id is one path segment with
     * every reserved character encoded, as the AWS SDKs send it: inference profile ids contain {@code :} and ARNs
     * {@code /}, and the signature covers the path exactly as sent.
     */
    URI uri(String operation) {
        String root = endpoint.toString().replaceAll("/+$", "");
        return URI.create(root + "/model/" + SdkHttpUtils.urlEncode(modelId) + "/" + operation);
    }

    @Override
    public String toString() {
        return "BedrockTarget[endpoint=%s, region=%s, accessKeyId=%s, modelId=%s]"
                .formatted(endpoint, region, accessKeyId, modelId);
    }
}
