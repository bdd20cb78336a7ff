package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.provider.UpstreamTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;

/**
 * Where one OpenAI-style upstream lives and how it is authenticated.
 *
 * @param provider the provider type, a metric tag: {@code openai}, {@code openai-compatible} or {@code azure-openai}
 * @param baseUrl the root of the API including its version path, such as {@code https://api.openai.com/v1}; for Azure
 *     the resource endpoint
 * @param apiKey the credential; sent as a bearer token, or as {@code api-key} to Azure
 * @param upstreamModel the model name to send in place of the caller's; {@code null} forwards the caller's unchanged
 * @param azureApiVersion Azure's {@code api-version}; {@code null} for every other provider
 * @param quirks how the upstream's streams deviate from OpenAI's; only read for published providers
 */
record OpenAiTarget(
        String provider,
        URI baseUrl,
        @Nullable String apiKey,
        @Nullable String upstreamModel,
        @Nullable String azureApiVersion,
        OpenAiQuirks quirks) {

    static final String OPENAI = "openai";
    static final String COMPATIBLE = "openai-compatible";
    static final String AZURE = "azure-openai";
    private static final URI OPENAI_API = URI.create("https://api.openai.com/v1");
    private static final String AZURE_DEFAULT_VERSION = "2024-10-21";

    static OpenAiTarget of(UpstreamTarget target) {
        URI base = target.baseUrl();
        if (base == null && !OPENAI.equals(target.type())) {
            throw new IllegalArgumentException("a " + target.type() + " provider needs a base URL");
        }
        String version = AZURE.equals(target.type())
                ? target.settings().getOrDefault("api_version", AZURE_DEFAULT_VERSION)
                : null;
        return new OpenAiTarget(
                target.type(),
                base == null ? OPENAI_API : base,
                target.apiKey(),
                target.upstreamModel(),
                version,
                OpenAiQuirks.of(target.settings()));
    }

    /** The URL of an operation such as {@code chat/completions}. */
    URI uri(String operation) {
        String root = baseUrl.toString().replaceAll("/+$", "");
        if (azureApiVersion == null) {
            return URI.create(root + "/" + operation);
        }
        String deployment = UriUtils.encodePathSegment(String.valueOf(upstreamModel), StandardCharsets.UTF_8);
        String version = UriUtils.encodeQueryParam(azureApiVersion, StandardCharsets.UTF_8);
        return URI.create(root + "/openai/deployments/" + deployment + "/" + operation + "?api-version=" + version);
    }

    void authenticate(HttpHeaders headers) {
        if (apiKey == null || apiKey.isBlank()) {
            return;
        }
        if (azureApiVersion != null) {
            headers.set("api-key", apiKey);
        } else {
            headers.setBearerAuth(apiKey);
        }
    }

    @Override
    public String toString() {
        return "OpenAiTarget[provider=%s, baseUrl=%s, apiKey=%s, upstreamModel=%s, quirks=%s]"
                .formatted(provider, baseUrl, apiKey == null ? "none" : "***", upstreamModel, quirks);
    }
}
