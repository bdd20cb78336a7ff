package dev.tollgate.model.prompt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published, immutable version of a prompt template.
 *
 * @param version its number, from 1
 * @param messages the chat messages; their content holds {@code {{variable}}} placeholders, substituted once and
 *     literally (a value is never re-scanned for placeholders)
 * @param model the public model name it is written for
 * @param parameters request parameters such as {@code temperature}, as a JSON object
 * @param variables what the placeholders may be filled with
 * @param publishedAt when it was published
 * @param overridable the parameters a client may set to another value than the template's (such as
 *     {@code temperature}); every other parameter the template sets is the template's, whatever the client sends
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedPrompt(
        int version,
        List<PromptMessage> messages,
        String model,
        Map<String, Object> parameters,
        List<PromptVariable> variables,
        @JsonProperty("published_at") Instant publishedAt,
        List<String> overridable) {

    public PublishedPrompt {
        overridable = overridable == null ? List.of() : List.copyOf(overridable);
    }

    /** A version whose parameters no client may override. */
    public PublishedPrompt(
            int version,
            List<PromptMessage> messages,
            String model,
            Map<String, Object> parameters,
            List<PromptVariable> variables,
            Instant publishedAt) {
        this(version, messages, model, parameters, variables, publishedAt, List.of());
    }
}
