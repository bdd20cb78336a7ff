package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/embeddings}.
 *
 * @param model the public model name
 * @param input a string, an array of strings, or token arrays
 * @param encodingFormat {@code float} or {@code base64}
 * @param dimensions requested vector length, where the model supports it
 * @param user the end user on whose behalf the call is made
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingRequest(
        @Nullable String model,
        @Nullable Object input,
        @JsonProperty("encoding_format") @Nullable String encodingFormat,
        @Nullable Integer dimensions,
        @Nullable String user,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public EmbeddingRequest {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }
}
