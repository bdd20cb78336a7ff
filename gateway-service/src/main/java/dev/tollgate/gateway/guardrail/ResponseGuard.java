package dev.tollgate.gateway.guardrail;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.guardrail.GuardrailRule;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the guardrails do to one request's answer before its caller sees it: personal data and deny-listed words the
 * provider wrote are redacted (plainly: they never were the caller's) or block the answer, placeholders of reversible
 * redactions get their originals back, and an answer that does not follow the JSON its request asked for is withheld
 * (or logged). A non-streaming answer is checked whole by {@link #check}; a stream chunk by chunk by {@link #screen},
 * holding back only the few characters at its end that could still become a match or a placeholder. A request
 * without output rules or placeholders gets {@link #NONE}, which changes nothing.
 */
public final class ResponseGuard {

    /** The guard of a request no output rule applies to and nothing of which was replaced by placeholders. */
    public static final ResponseGuard NONE =
            new ResponseGuard(new Stage(Stage.OUTPUT, List.of(), null), new Placeholders(), null, null);

    private final Stage stage;
    private final Placeholders placeholders;
    private final JsonSchemas.@Nullable Check schema;
    private final @Nullable Decisions decisions;

    ResponseGuard(
            Stage stage, Placeholders placeholders, JsonSchemas.@Nullable Check schema, @Nullable Decisions decisions) {
        this.stage = stage;
        this.placeholders = placeholders;
        this.schema = stage.jsonSchema() == null ? null : schema;
        this.decisions = decisions;
    }

    /** Whether the answer is screened at all: when not, {@link #check} and {@link #screen} hand back what they get. */
    public boolean active() {
        return decisions != null && (!stage.rules().isEmpty() || !placeholders.isEmpty() || schema != null);
    }

    /**
     * {@code completion} as its caller may see it.
     *
     * @throws GatewayException {@code content_policy_violation} when a rule withholds it
     */
    public ChatCompletion check(ChatCompletion completion) {
        if (!active() || completion.choices() == null) {
            return completion;
        }
        var choices = completion.choices().stream().map(this::checked).toList();
        return new ChatCompletion(
                completion.id(),
                completion.object(),
                completion.created(),
                completion.model(),
                choices,
                completion.usage(),
                completion.systemFingerprint(),
                completion.serviceTier(),
                completion.extra());
    }

    /**
     * {@code chunks} as their caller may see them. A rule that withholds the answer fails the stream with
     * {@code content_policy_violation}; after the first event that becomes the stream's error event.
     */
    public Flux<ChatCompletionChunk> screen(Flux<ChatCompletionChunk> chunks) {
        if (!active()) {
            return chunks;
        }
        // One screen per subscription: it holds the stream's pending text.
        return Flux.defer(() -> {
            StreamScreen screen = new StreamScreen(this);
            return chunks.map(screen::screen).concatWith(Mono.fromCallable(screen::rest));
        });
    }

    private ChatCompletion.Choice checked(ChatCompletion.Choice choice) {
        ChatMessage message = choice.message();
        if (message == null) {
            return choice;
        }
        String text = message.content() == null ? null : message.content().text();
        String answer = text == null ? null : released(text);
        if (answer != null) {
            checkJson(answer);
        }
        ChatMessage checked = new ChatMessage(
                message.role(),
                answer == null ? message.content() : new MessageContent.Text(answer),
                message.name(),
                ToolArguments.map(message.toolCalls(), this::released),
                message.toolCallId(),
                message.refusal(),
                message.extra());
        return new ChatCompletion.Choice(
                choice.index(), checked, choice.finishReason(), choice.logprobs(), choice.extra());
    }

    /** {@code text} of the answer screened and with the request's originals restored. */
    String released(String text) {
        try {
            String screened = TextScreen.screen(text, stage.rules(), decisions(), null);
            return placeholders.restore(screened);
        } catch (TextScreen.Blocked blocked) {
            throw withheld(blocked.detector());
        }
    }

    /** Withholds an answer whose whole text is not the JSON its request asked for, unless the rule only logs. */
    void checkJson(String answer) {
        if (schema == null || stage.jsonSchema() == null || schema.accepts(answer)) {
            return;
        }
        Action action = stage.jsonSchema();
        decisions().matched(GuardrailRule.JSON_SCHEMA, action, "-", 1);
        if (action != Action.LOG) {
            throw withheld(GuardrailRule.JSON_SCHEMA);
        }
    }

    Stage stage() {
        return stage;
    }

    Placeholders placeholders() {
        return placeholders;
    }

    boolean checksJson() {
        return schema != null;
    }

    private Decisions decisions() {
        if (decisions == null) {
            throw new IllegalStateException("an inactive guard decides nothing");
        }
        return decisions;
    }

    private static GatewayException withheld(String detector) {
        return GatewayException.rejected(
                ErrorCode.CONTENT_POLICY_VIOLATION, "The answer was withheld by a content policy (" + detector + ").");
    }
}
