package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.UpstreamTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriUtils;

/**
 * Where one Gemini deployment lives and how it is authenticated.
 *
 * @param baseUrl the root of the API including its version, such as
 *     {@code https://generativelanguage.googleapis.com/v1beta}
 * @param apiKey the key, sent in the {@code x-goog-api-key} header: never as a {@code key=} query parameter, because
 *     URLs end up in logs
 * @param model the model, such as {@code gemini-2.5-flash}, {@code models/gemini-2.5-flash} or
 *     {@code tunedModels/my-model}
 */
record GeminiTarget(URI baseUrl, @Nullable String apiKey, String model) {

    static final String GENERATE = "generateContent";
    static final String STREAM = "streamGenerateContent?alt=sse";
    static final String EMBED = "batchEmbedContents";

    static GeminiTarget of(UpstreamTarget target, URI defaultBaseUrl) {
        URI base = target.baseUrl() == null ? defaultBaseUrl : target.baseUrl();
        return new GeminiTarget(base, target.apiKey(), target.upstreamModel());
    }

    /** The model's resource name, {@code models/gemini-2.5-flash}, as the URL and embedding requests name it. */
    String resourceName() {
        return model.contains("/") ? model : "models/" + model;
    }

    /** The URL of a method such as {@code generateContent}: {@code {base}/models/{model}:generateContent}. */
    URI uri(String method) {
        String root = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(root + "/" + UriUtils.encodePath(resourceName(), StandardCharsets.UTF_8) + ":" + method);
    }

    void authenticate(HttpHeaders headers) {
        if (apiKey != null && !apiKey.isBlank()) {
            headers.set("x-goog-api-key", apiKey);
        }
    }

    @Override
    public String toString() {
        return "GeminiTarget[baseUrl=%s, apiKey=%s, model=%s]"
                .formatted(baseUrl, apiKey == null ? "none" : "***", model);
    }
}
