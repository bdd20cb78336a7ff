package dev.tollgate.gateway.template;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.prompt.PromptVariable;
import dev.tollgate.model.prompt.PublishedPrompt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a caller's template request into the chat request it stands for: the variables it gave, and the template's
 * messages, model and parameters merged over the caller's body. The template wins for every parameter it sets, except
 * those that describe the call rather than the prompt ({@link #CALLER_ONLY}), which always come from the caller, and
 * those the version lists as {@link PublishedPrompt#overridable()}, where a value the caller sends wins.
 */
final class TemplateRequests {

    static final String VARIABLES = "variables";

    /** Parameters a template never sets: how the caller wants its answer, and who it is for. */
    static final Set<String> CALLER_ONLY = Set.of("stream", "stream_options", "user", "model", "messages", VARIABLES);

    private static final TypeReference<Map<String, @Nullable Object>> BODY = new TypeReference<>() {};

    private TemplateRequests() {}

    /**
     * The values the caller gave: the {@code variables} object, else the entries of {@code metadata} read as the
     * declared types. A request that also sends {@code messages} is refused: it would be ambiguous which to send.
     */
    static Map<String, ?> given(String template, ChatCompletionRequest request, List<PromptVariable> declared) {
        if (request.messages() != null) {
            throw GatewayException.invalid(
                    ErrorCode.INVALID_REQUEST,
                    "Send either 'messages' or a prompt template, not both: '%s' supplies the messages."
                            .formatted(template),
                    "messages");
        }
        Object variables = request.extra().get(VARIABLES);
        if (variables == null) {
            return request.metadata() == null ? Map.of() : TemplateVariables.fromText(declared, request.metadata());
        }
        if (!(variables instanceof Map<?, ?> map)) {
            throw GatewayException.invalid(ErrorCode.INVALID_REQUEST, "'variables' must be an object.", VARIABLES);
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        map.forEach((name, value) -> values.put(String.valueOf(name), value));
        return values;
    }

    /** The request to send: the caller's body with the template's messages, model and parameters. */
    static ChatCompletionRequest merged(
            JsonMapper json, ChatCompletionRequest request, PublishedPrompt prompt, List<ChatMessage> messages) {
        Map<String, @Nullable Object> body = json.convertValue(request, BODY);
        if (!body.containsKey(VARIABLES)) {
            // The metadata were the variables: they are not the caller's tags for the upstream.
            body.remove("metadata");
        }
        body.remove(VARIABLES);
        prompt.parameters().forEach((name, value) -> {
            if (!CALLER_ONLY.contains(name) && !callerOverrides(prompt, body, name)) {
                body.put(name, value);
            }
        });
        body.put("model", prompt.model());
        body.put("messages", messages);
        return converted(json, body, prompt);
    }

    // Only where the version allows it, and only when the caller sent a value of its own.
    private static boolean callerOverrides(PublishedPrompt prompt, Map<String, @Nullable Object> body, String name) {
        return prompt.overridable().contains(name) && body.get(name) != null;
    }

    private static ChatCompletionRequest converted(
            JsonMapper json, Map<String, @Nullable Object> body, PublishedPrompt prompt) {
        try {
            return json.convertValue(body, ChatCompletionRequest.class);
        } catch (JacksonException | IllegalArgumentException unusable) {
            throw GatewayException.upstream(
                    ErrorCode.CONFIG_UNAVAILABLE,
                    "The prompt template's version %d has parameters the gateway cannot send; please retry shortly."
                            .formatted(prompt.version()),
                    unusable);
        }
    }
}
