package dev.tollgate.gateway.template;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.prompt.Placeholders;
import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Renders chat requests whose model is {@code template:<name>[@label|@vN]} from the caller's tenant's template (else
 * the platform-wide one): the version the label points at ({@code production} by default; drawn by weight when the
 * label splits its traffic) or the version asked for, its variables checked and substituted, its model and parameters
 * applied (the caller's value kept for a parameter the version lets callers override). Every other request passes through
 * untouched. Runs before validation and routing, so the key's allowed models, limits, budgets and metering all apply
 * to the rendered request and its model.
 */
@Component
public final class PromptTemplates {

    private final PublishedTemplates published;
    private final OpenAiJson json;

    PromptTemplates(PublishedTemplates published, OpenAiJson json) {
        this.published = published;
        this.json = json;
    }

    /** {@code request} rendered from the template it names, or as it is when it names none. */
    public Mono<RenderedRequest> render(Caller caller, ChatCompletionRequest request) {
        TemplateReference reference = TemplateReference.of(request.model());
        if (reference == null) {
            return Mono.just(new RenderedRequest(request, null));
        }
        return published
                .find(caller.tenant().tenantId(), reference.name())
                .switchIfEmpty(Mono.error(reference::unknown))
                .map(snapshot -> rendered(reference, snapshot, request));
    }

    private RenderedRequest rendered(
            TemplateReference reference, TemplateSnapshot snapshot, ChatCompletionRequest request) {
        PublishedPrompt prompt = reference.pick(snapshot, ThreadLocalRandom.current());
        Map<String, ?> given = TemplateRequests.given(snapshot.name(), request, prompt.variables());
        Map<String, String> texts = TemplateVariables.resolve(snapshot.name(), prompt.variables(), given);
        List<ChatMessage> messages = prompt.messages().stream()
                .map(message -> rendered(snapshot, prompt, message, texts))
                .toList();
        ChatCompletionRequest merged = TemplateRequests.merged(json.mapper(), request, prompt, messages);
        return new RenderedRequest(merged, new TemplateUse(snapshot.name(), prompt.version(), reference.label()));
    }

    private static ChatMessage rendered(
            TemplateSnapshot snapshot, PublishedPrompt prompt, PromptMessage message, Map<String, String> texts) {
        try {
            return ChatMessage.of(message.role(), Placeholders.render(message.content(), texts));
        } catch (IllegalArgumentException undeclared) {
            // The control plane refuses to publish such a version; one that slipped through is its fault, not yours.
            throw GatewayException.upstream(
                    ErrorCode.CONFIG_UNAVAILABLE,
                    "The prompt template '%s' version %d uses a placeholder it does not declare."
                            .formatted(snapshot.name(), prompt.version()),
                    undeclared);
        }
    }
}
