package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of a streaming request.
 *
 * @param includeUsage whether a final chunk with empty {@code choices} carries the request's usage
 * @param extra fields this record does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamOptions(
        @JsonProperty("include_usage") @Nullable Boolean includeUsage,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public StreamOptions {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }
}
