package dev.tollgate.gateway.guardrail;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.usage.MeteredCall;
import dev.tollgate.gateway.usage.UsageContext;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The guardrails as the request pipeline sees them. {@link #screen(ChatCompletionRequest, MeteredCall)} runs after a
 * chat request is read, rendered and validated and before it is routed: it loads the policies of the platform, the
 * key's tenant, the key and the requested public model, applies their input rules (redacting, or refusing the request
 * with 400 {@code content_policy_violation} before any provider is called) and hands back the {@link ResponseGuard}
 * that will check the answer. Embedding inputs are screened the same way, redacted plainly (nothing comes back to
 * restore). Every decision is recorded on the request's {@link dev.tollgate.gateway.usage.GuardrailTrail}, so its
 * usage event carries it however the request ends, and a flagged request is never cached. Fails closed: see
 * {@link PublishedGuardrails}.
 */
@Component
public final class Guardrails {

    private final PublishedGuardrails policies;
    private final GuardrailMetrics metrics;
    private final JsonSchemas schemas;

    Guardrails(PublishedGuardrails policies, GuardrailMetrics metrics, JsonSchemas schemas) {
        this.policies = policies;
        this.metrics = metrics;
        this.schemas = schemas;
    }

    /**
     * {@code request} as it may go on, and the guard of its answer.
     *
     * @throws GatewayException (as the {@code Mono}'s error) {@code content_policy_violation} when an input rule
     *     blocks it, {@code config_unavailable} when its policies cannot be read
     */
    public Mono<Screened<ChatCompletionRequest>> screen(ChatCompletionRequest request, MeteredCall metered) {
        return applying(metered, request.model()).map(applying -> screened(request, metered, applying));
    }

    /** The embedding {@code request} as it may go on; failures as for chat. */
    public Mono<EmbeddingRequest> screen(EmbeddingRequest request, MeteredCall metered) {
        return applying(metered, request.model()).map(applying -> screened(request, metered, applying));
    }

    private Mono<List<CompiledPolicy>> applying(MeteredCall metered, String model) {
        UsageContext usage = metered.context();
        return policies.applying(usage.tenantId(), usage.keyId(), Objects.requireNonNullElse(model, ""));
    }

    private Screened<ChatCompletionRequest> screened(
            ChatCompletionRequest request, MeteredCall metered, List<CompiledPolicy> applying) {
        if (applying.isEmpty()) {
            return new Screened<>(request, ResponseGuard.NONE);
        }
        Placeholders placeholders = new Placeholders();
        ChatCompletionRequest screened = refusing(() ->
                ChatRequests.screened(request, Stage.input(applying), decisions(metered, Stage.INPUT), placeholders));
        Stage output = Stage.output(applying);
        // The schema is compiled only when a rule checks answers against it.
        var schema = output.jsonSchema() == null ? null : schemas.checkFor(request.responseFormat());
        var guard = new ResponseGuard(output, placeholders, schema, decisions(metered, Stage.OUTPUT));
        return new Screened<>(screened, guard);
    }

    private EmbeddingRequest screened(EmbeddingRequest request, MeteredCall metered, List<CompiledPolicy> applying) {
        if (applying.isEmpty()) {
            return request;
        }
        Stage input = Stage.input(applying);
        return refusing(() -> EmbeddingRequests.screened(request, input, decisions(metered, Stage.INPUT)));
    }

    private Decisions decisions(MeteredCall metered, String stage) {
        UsageContext usage = metered.context();
        var audience = new Decisions.Audience(usage.requestId(), usage.tenantId(), usage.keyId());
        return new Decisions(audience, stage, metered.guardrails(), metrics);
    }

    private static <T> T refusing(java.util.function.Supplier<T> screening) {
        try {
            return screening.get();
        } catch (TextScreen.Blocked blocked) {
            throw GatewayException.rejected(
                    ErrorCode.CONTENT_POLICY_VIOLATION,
                    "The request was refused by a content policy (" + blocked.detector() + ").");
        }
    }
}
