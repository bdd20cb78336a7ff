package dev.tollgate.gateway.provider.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Gemini's {@code batchEmbedContents} request and response. */
final class GeminiEmbedding {

    private GeminiEmbedding() {}

    /**
     * The body of {@code batchEmbedContents}: at most 100 requests.
     *
     * @param requests one per input text
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchRequest(@JsonProperty("requests") List<Request> requests) {}

    /**
     * One text to embed.
     *
     * @param model the model's resource name, {@code models/…}, the same as in the URL
     * @param content the text as a single-part content
     * @param outputDimensionality the vector length wanted, where the model supports truncation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(
            @JsonProperty("model") String model,
            @JsonProperty("content") GeminiContent content,
            @JsonProperty("outputDimensionality") @Nullable Integer outputDimensionality) {}

    /**
     * The answer of {@code batchEmbedContents}.
     *
     * @param embeddings one per request, in order
     * @param usageMetadata tokens spent; reported by newer embedding models only, not {@code gemini-embedding-001}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchResponse(
            @JsonProperty("embeddings") @Nullable List<Values> embeddings,
            @JsonProperty("usageMetadata") @Nullable Usage usageMetadata) {}

    /**
     * One vector.
     *
     * @param values its components
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Values(@JsonProperty("values") @Nullable List<Float> values) {}

    /**
     * Tokens an embedding request spent.
     *
     * @param promptTokenCount input tokens
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Usage(@JsonProperty("promptTokenCount") @Nullable Integer promptTokenCount) {}
}
