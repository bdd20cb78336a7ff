package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code GET /v1/models}.
 *
 * @param object always {@code list}
 * @param data the models the caller may use
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelList(String object, List<Model> data) {

    /** A list in OpenAI's shape. */
    public static ModelList of(List<Model> models) {
        return new ModelList("list", models);
    }

    /**
     * One model.
     *
     * @param id the name to send as {@code model}
     * @param object always {@code model}
     * @param created Unix seconds
     * @param ownedBy the organisation or provider that serves it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(
            String id,
            String object,
            long created,
            @JsonProperty("owned_by") @Nullable String ownedBy) {

        /** A model entry in OpenAI's shape. */
        public static Model of(String id, long created, String ownedBy) {
            return new Model(id, "model", created, ownedBy);
        }
    }
}
