package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One part of an array-valued message content.
 *
 * @param type {@code text}, {@code image_url}, or another part type passed through as received
 * @param text the text of a {@code text} part
 * @param imageUrl the image of an {@code image_url} part
 * @param extra fields of other part types (input_audio, file, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentPart(
        @Nullable String type,
        @Nullable String text,
        @JsonProperty("image_url") @Nullable ImageUrl imageUrl,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ContentPart {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /**
     * An image given by URL or data URI.
     *
     * @param url an https URL or a {@code data:image/...;base64,} URI
     * @param detail {@code low}, {@code high} or {@code auto}
     * @param extra fields this record does not model
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageUrl(
            @Nullable String url,
            @Nullable String detail,
            @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public ImageUrl {
            extra = extra == null ? new LinkedHashMap<>() : extra;
        }

        public ImageUrl(@Nullable String url, @Nullable String detail) {
            this(url, detail, new LinkedHashMap<>());
        }
    }
}
