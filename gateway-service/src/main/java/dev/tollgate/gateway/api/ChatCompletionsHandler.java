package dev.tollgate.gateway.api;

import dev.tollgate.gateway.auth.ApiKeys;
import dev.tollgate.gateway.cache.CachePlan;
import dev.tollgate.gateway.cache.CachedAnswer;
import dev.tollgate.gateway.cache.ResponseCache;
import dev.tollgate.gateway.chat.RequestValidator;
import dev.tollgate.gateway.guardrail.Guardrails;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.observability.GatewayMetrics.CallTags;
import dev.tollgate.gateway.routing.AttemptTrace;
import dev.tollgate.gateway.routing.Route;
import dev.tollgate.gateway.routing.Router;
import dev.tollgate.gateway.routing.Target;
import dev.tollgate.gateway.template.PromptTemplates;
import dev.tollgate.gateway.template.RenderedRequest;
import dev.tollgate.gateway.usage.TokenMeter;
import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.gateway.usage.UsageLedger;
import dev.tollgate.gateway.usage.UsageLedger.Outcome;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.usage.UsageRecorded;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/chat/completions}: authenticate, read, render (when the model names a prompt template), validate,
 * route and meter, answer from the response cache when it holds the answer, else admit and answer as JSON or as a
 * stream. From authentication on, every way out leaves exactly one usage event. Policies that admit a request (rate
 * limits and the output cap in {@link ChatAdmission}, budget holds next) run between {@link #route} and
 * {@link #respond}; what they hold is settled with the event.
 */
@Component
class ChatCompletionsHandler {

    private final ApiKeys keys;
    private final OpenAiDialect openAi;
    private final Router router;
    private final ChatStreams streams;
    private final GatewayMetrics metrics;
    private final TokenMeter meter;
    private final UsageLedger ledger;
    private final ChatAdmission admission;
    private final PromptTemplates templates;
    private final ResponseCache cache;
    private final ChatUpstream upstream;
    private final Guardrails guardrails;

    ChatCompletionsHandler(
            ApiKeys keys,
            OpenAiDialect openAi,
            Router router,
            ChatStreams streams,
            GatewayMetrics metrics,
            TokenMeter meter,
            UsageLedger ledger,
            ChatAdmission admission,
            PromptTemplates templates,
            ResponseCache cache,
            ChatUpstream upstream,
            Guardrails guardrails) {
        this.keys = keys;
        this.openAi = openAi;
        this.router = router;
        this.streams = streams;
        this.metrics = metrics;
        this.meter = meter;
        this.ledger = ledger;
        this.admission = admission;
        this.templates = templates;
        this.cache = cache;
        this.upstream = upstream;
        this.guardrails = guardrails;
    }

    /** {@code POST /v1/chat/completions}. */
    Mono<ServerResponse> complete(ServerRequest http) {
        return complete(http, openAi);
    }

    /** A chat request in {@code dialect}: read and answered in it, everything between shared. */
    Mono<ServerResponse> complete(ServerRequest http, ChatDialect dialect) {
        return keys.authenticate(http.headers().asHttpHeaders())
                .map(caller -> Authenticated.of(caller, http))
                .flatMap(call -> read(call, dialect))
                .flatMap(this::screen)
                .flatMap(call -> route(call, dialect))
                .flatMap(this::cachedOrFresh);
    }

    private Mono<CallerRequest<ChatCompletionRequest>> read(Authenticated call, ChatDialect dialect) {
        return dialect.read(call.http())
                .flatMap(request -> templates.render(call.caller(), request))
                .map(rendered -> readRequest(call, rendered))
                .onErrorResume(failure -> ledger.failed(call.usage().unread(), failure, false));
    }

    // Validation comes after rendering: a template request has no messages of its own until it is rendered.
    private CallerRequest<ChatCompletionRequest> readRequest(Authenticated call, RenderedRequest rendered) {
        var request = RequestValidator.validChat(rendered.request());
        var metered = call.usage().read(request.model(), request.user(), request.streaming(), rendered.template());
        return new CallerRequest<>(call.caller(), request, metered, call.http().exchange());
    }

    // Guardrails see the request as rendered and validated, and redact it before its prompt is metered and routed.
    private Mono<CallerRequest<ChatCompletionRequest>> screen(CallerRequest<ChatCompletionRequest> call) {
        return guardrails
                .screen(call.request(), call.metered())
                .map(call::screened)
                .onErrorResume(failure -> ledger.failed(call.metered(), failure, false));
    }

    private Mono<ChatCall> route(CallerRequest<ChatCompletionRequest> call, ChatDialect dialect) {
        return router.route(call.caller(), call.request().model())
                .flatMap(route -> router.servingTargets(route).map(serving -> routed(call, route, serving, dialect)))
                .onErrorResume(failure -> ledger.failed(call.metered(), failure, false));
    }

    private ChatCall routed(
            CallerRequest<ChatCompletionRequest> call, Route route, List<Target> serving, ChatDialect dialect) {
        metrics.routed(
                call.exchange(),
                new CallTags(route.model(), route.provider(), call.request().streaming()));
        int prompt = meter.prompt(call.request(), route.primary().upstreamModel());
        var metered = call.metered().routed(serving, prompt, new AttemptTrace());
        // A request a guardrail flagged is neither answered from the response cache nor kept in it: no plan to build.
        CachePlan plan = metered.guardrails().flagged()
                ? null
                : cache.plan(
                        call.exchange().getRequest().getHeaders(),
                        call.request(),
                        call.caller().key(),
                        route);
        return new ChatCall(
                call.request(),
                route,
                call.context(),
                metered,
                call.exchange(),
                call.caller(),
                plan,
                call.guard(),
                dialect);
    }

    // A hit skips admission: it spends none of the key's rate or tokens and holds nothing on a budget.
    private Mono<ServerResponse> cachedOrFresh(ChatCall call) {
        return cache.find(call.cache())
                .flatMap(hit -> fromCache(call, hit))
                .switchIfEmpty(Mono.defer(() -> fresh(call)));
    }

    private Mono<ServerResponse> fresh(ChatCall call) {
        cacheHeader(call, "miss");
        return admit(call).flatMap(this::respond);
    }

    private Mono<ServerResponse> fromCache(ChatCall call, CachedAnswer hit) {
        cacheHeader(call, hit.kind());
        if (call.request().streaming()) {
            return streams.replay(call, hit);
        }
        return ledger.settleCached(call.metered(), hit.tokens(), null, hit.kind())
                .flatMap(event -> ok(call, Objects.requireNonNull(hit.completion()), event));
    }

    private static void cacheHeader(ChatCall call, String outcome) {
        if (call.cache() != null) {
            call.exchange().getResponse().getHeaders().set(ResponseCache.HEADER, outcome);
        }
    }

    private Mono<ChatCall> admit(ChatCall call) {
        return admission.admit(call).onErrorResume(failure -> ledger.failed(call.metered(), failure, false));
    }

    private Mono<ServerResponse> respond(ChatCall call) {
        return call.request().streaming() ? streams.respond(call) : answer(call);
    }

    private Mono<ServerResponse> answer(ChatCall call) {
        return upstream.complete(call)
                .flatMap(completion -> settled(call, completion))
                .onErrorResume(failure -> ledger.failed(call.metered(), failure, true))
                .doOnCancel(() -> ledger.cancelled(call.metered(), promptOnly(call), null));
    }

    private Mono<ServerResponse> settled(ChatCall call, ChatCompletion completion) {
        ServedBy.headers(call.exchange(), call.attempts());
        int counted = completion.usage() == null ? meter.completion(completion, upstreamModel(call)) : 0;
        Tokens tokens = Tokens.of(completion.usage(), call.metered().promptTokens(), counted);
        return checked(call, completion, tokens).flatMap(checked -> answered(call, checked, tokens));
    }

    // The guardrails' output checks; an answer they withhold is still billed for what the provider generated.
    private Mono<ChatCompletion> checked(ChatCall call, ChatCompletion completion, Tokens tokens) {
        return Mono.fromCallable(() -> call.guard().check(completion))
                .onErrorResume(failure -> ledger.withheld(call.metered(), tokens, failure));
    }

    private Mono<ServerResponse> answered(ChatCall call, ChatCompletion completion, Tokens tokens) {
        return ledger.settle(call.metered(), Outcome.success(tokens, null))
                .flatMap(event -> kept(call, CachedAnswer.of(completion, tokens), event))
                .flatMap(event -> ok(call, completion, event));
    }

    private Mono<UsageRecorded> kept(ChatCall call, CachedAnswer answer, UsageRecorded event) {
        return cache.store(call.storable(), answer).thenReturn(event);
    }

    private Mono<ServerResponse> ok(ChatCall call, ChatCompletion completion, UsageRecorded event) {
        return CostHeader.on(ServerResponse.ok(), event)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(call.dialect().answer(completion, call));
    }

    private static String upstreamModel(ChatCall call) {
        var billing = call.metered().servedBilling();
        return billing == null ? "" : billing.upstreamModel();
    }

    // A caller that leaves before a non-streaming answer: the provider has the prompt, the output is unknown.
    private static Tokens promptOnly(ChatCall call) {
        return Tokens.counted(call.metered().promptTokens(), 0);
    }
}
