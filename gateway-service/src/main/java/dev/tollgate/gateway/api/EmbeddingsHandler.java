package dev.tollgate.gateway.api;

import dev.tollgate.gateway.admission.Admission;
import dev.tollgate.gateway.admission.Admitter;
import dev.tollgate.gateway.auth.ApiKeys;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.chat.RequestValidator;
import dev.tollgate.gateway.guardrail.Guardrails;
import dev.tollgate.gateway.guardrail.ResponseGuard;
import dev.tollgate.gateway.guardrail.Screened;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.observability.GatewayMetrics.CallTags;
import dev.tollgate.gateway.routing.AttemptTrace;
import dev.tollgate.gateway.routing.Route;
import dev.tollgate.gateway.routing.Router;
import dev.tollgate.gateway.routing.Target;
import dev.tollgate.gateway.routing.UpstreamAttempts;
import dev.tollgate.gateway.usage.MeteredCall;
import dev.tollgate.gateway.usage.TokenMeter;
import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.gateway.usage.UsageLedger;
import dev.tollgate.gateway.usage.UsageLedger.Outcome;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.usage.UsageRecorded;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /v1/embeddings}, metered like chat: one usage event per authenticated request. */
@Component
class EmbeddingsHandler {

    private final ApiKeys keys;
    private final RequestReader reader;
    private final Router router;
    private final OpenAiJson json;
    private final GatewayMetrics metrics;
    private final TokenMeter meter;
    private final UsageLedger ledger;
    private final Admitter admitter;
    private final UpstreamAttempts attempts;
    private final Guardrails guardrails;

    EmbeddingsHandler(
            ApiKeys keys,
            RequestReader reader,
            Router router,
            OpenAiJson json,
            GatewayMetrics metrics,
            TokenMeter meter,
            UsageLedger ledger,
            Admitter admitter,
            UpstreamAttempts attempts,
            Guardrails guardrails) {
        this.keys = keys;
        this.reader = reader;
        this.router = router;
        this.json = json;
        this.metrics = metrics;
        this.meter = meter;
        this.ledger = ledger;
        this.admitter = admitter;
        this.attempts = attempts;
        this.guardrails = guardrails;
    }

    Mono<ServerResponse> embed(ServerRequest http) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .map(caller -> Authenticated.of(caller, http))
                .flatMap(this::read)
                .flatMap(this::screen)
                .flatMap(this::route)
                .flatMap(this::admit)
                .flatMap(this::call);
    }

    private Mono<CallerRequest<EmbeddingRequest>> read(Authenticated call) {
        return reader.read(call.http(), EmbeddingRequest.class)
                .map(RequestValidator::validEmbedding)
                .map(request -> new CallerRequest<>(
                        call.caller(),
                        request,
                        call.usage().read(request.model(), request.user(), false),
                        call.http().exchange()))
                .onErrorResume(failure -> ledger.failed(call.usage().unread(), failure, false));
    }

    // The same input policies as chat; redactions are plain, since an embedding has no text to restore them into.
    private Mono<CallerRequest<EmbeddingRequest>> screen(CallerRequest<EmbeddingRequest> call) {
        return guardrails
                .screen(call.request(), call.metered())
                .map(request -> call.screened(new Screened<>(request, ResponseGuard.NONE)))
                .onErrorResume(failure -> ledger.failed(call.metered(), failure, false));
    }

    private Mono<Routed> route(CallerRequest<EmbeddingRequest> call) {
        return router.route(call.caller(), call.request().model())
                .flatMap(route -> router.servingTargets(route).map(serving -> routed(call, route, serving)))
                .onErrorResume(failure -> ledger.failed(call.metered(), failure, false));
    }

    private Routed routed(CallerRequest<EmbeddingRequest> call, Route route, List<Target> serving) {
        metrics.routed(call.exchange(), new CallTags(route.model(), route.provider(), false));
        int input = meter.input(call.request(), route.primary().upstreamModel());
        return new Routed(call, route, call.metered().routed(serving, input, new AttemptTrace()));
    }

    // An embedding generates no output, so its input is its whole charge, to limits and budgets alike.
    private Mono<Routed> admit(Routed call) {
        return admitter.admit(
                        call.request().caller(), call.metered(), call.metered().promptTokens(), 0)
                .map(admission -> admitted(call, admission))
                .onErrorResume(failure -> ledger.failed(call.metered(), failure, false));
    }

    private static Routed admitted(Routed call, Admission admission) {
        ChatAdmission.headers(call.request().exchange(), admission.headers());
        return new Routed(call.request(), call.route(), call.metered().holding(admission.hold()));
    }

    private Mono<ServerResponse> call(Routed call) {
        MeteredCall metered = call.metered();
        return attempts.embed(
                        call.route(),
                        call.request().request(),
                        call.request().context(),
                        call.attempts(),
                        target -> metered.costOn(target, 0))
                .flatMap(response -> settled(call, response))
                .onErrorResume(failure -> ledger.failed(metered, failure, true))
                .doOnCancel(() -> ledger.cancelled(metered, Tokens.counted(metered.promptTokens(), 0), null));
    }

    private Mono<ServerResponse> settled(Routed call, EmbeddingResponse response) {
        MeteredCall metered = call.metered();
        Tokens tokens = response.usage() == null || response.usage().promptTokens() == null
                ? Tokens.counted(metered.promptTokens(), 0)
                : new Tokens(response.usage().promptTokens(), 0, 0, 0, 0, false);
        ServedBy.headers(call.request().exchange(), call.attempts());
        return ledger.settle(metered, Outcome.success(tokens, null)).flatMap(event -> ok(response, event));
    }

    private Mono<ServerResponse> ok(EmbeddingResponse response, UsageRecorded event) {
        return CostHeader.on(ServerResponse.ok(), event)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.write(response));
    }

    /**
     * An embedding request routed and metered.
     *
     * @param request the request
     * @param route where it goes
     * @param metered its usage so far, input tokens counted
     */
    private record Routed(CallerRequest<EmbeddingRequest> request, Route route, MeteredCall metered) {

        AttemptTrace attempts() {
            return Objects.requireNonNull(metered.attempts(), "a routed call has its attempts");
        }
    }
}
