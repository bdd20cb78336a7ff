package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code POST /v1/embeddings}.
 *
 * @param object always {@code list}
 * @param data one embedding per input
 * @param model the model that embedded
 * @param usage input tokens spent
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingResponse(
        @Nullable String object,
        @Nullable List<Embedding> data,
        @Nullable String model,
        @Nullable EmbeddingUsage usage,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public EmbeddingResponse {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * One vector.
     *
     * @param object always {@code embedding}
     * @param index position of the input it embeds
     * @param embedding an array of floats, or a base64 string when asked for
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Embedding(
            @Nullable String object,
            @Nullable Integer index,
            @Nullable Object embedding,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public Embedding {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public Embedding(@Nullable String object, @Nullable Integer index, @Nullable Object embedding) {
            this(object, index, embedding, new LinkedHashMap<>());
        }
    }

    /**
     * Tokens an embedding request spent.
     *
     * @param promptTokens input tokens
     * @param totalTokens equal to the input tokens
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmbeddingUsage(
            @JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
            @JsonProperty("total_tokens") @Nullable Integer totalTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {
        public EmbeddingUsage {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public EmbeddingUsage(@Nullable Integer promptTokens, @Nullable Integer totalTokens) {
            this(promptTokens, totalTokens, new LinkedHashMap<>());
        }
    }
}
