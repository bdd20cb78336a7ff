package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.route.Fallback;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls a route's deployments for one client request: picks a deployment by the route's strategy among those whose
 * circuit is closed, retries a retriable failure (on the next deployment at once, or on the same ones after a jittered
 * backoff or the provider's {@code retry-after}), and when the model's own attempts fail in a way one of its
 * fallbacks lists, moves to that model. Retries happen here and nowhere else, and only before the first byte of an
 * answer: once a stream has delivered a chunk, a failure reaches the caller as it is. Every attempt is recorded in
 * the request's {@link AttemptTrace}, and its outcome in the deployment's health and statistics.
 */
@Component
public final class UpstreamAttempts {

    private static final Logger log = LoggerFactory.getLogger(UpstreamAttempts.class);

    private final DeploymentHealth health;
    private final DeploymentStats stats;
    private final Router router;
    private final RoutingMetrics metrics;
    private final RandomGenerator random;

    UpstreamAttempts(DeploymentHealth health, DeploymentStats stats, Router router, RoutingMetrics metrics) {
        this.health = health;
        this.stats = stats;
        this.router = router;
        this.metrics = metrics;
        this.random = RandomGenerator.getDefault();
    }

    /**
     * One chat completion. A completion withheld by the provider's content filter counts as a failure while a
     * {@code content_filter} fallback is left to try.
     *
     * @param cost what the request would cost on a deployment, for the cost strategy; {@code null} when unpriced
     */
    public Mono<ChatCompletion> complete(
            Route route,
            ChatCompletionRequest request,
            CallContext context,
            AttemptTrace trace,
            Function<Target, @Nullable BigDecimal> cost) {
        return new Run<ChatCompletion>(
                        route,
                        trace,
                        cost,
                        target -> target.client().complete(request, context).flux(),
                        UpstreamAttempts::filtered)
                .start()
                .single();
    }

    /** One chat completion stream; retried only until its first chunk. */
    public Flux<ChatCompletionChunk> stream(
            Route route,
            ChatCompletionRequest request,
            CallContext context,
            AttemptTrace trace,
            Function<Target, @Nullable BigDecimal> cost) {
        return new Run<ChatCompletionChunk>(
                        route, trace, cost, target -> target.client().stream(request, context), chunk -> false)
                .start();
    }

    /** Embeddings for the request's input. */
    public Mono<EmbeddingResponse> embed(
            Route route,
            EmbeddingRequest request,
            CallContext context,
            AttemptTrace trace,
            Function<Target, @Nullable BigDecimal> cost) {
        return new Run<EmbeddingResponse>(
                        route,
                        trace,
                        cost,
                        target -> target.client().embed(request, context).flux(),
                        response -> false)
                .start()
                .single();
    }

    private static boolean filtered(ChatCompletion completion) {
        return completion.choices() != null
                && !completion.choices().isEmpty()
                && completion.choices().stream().allMatch(choice -> "content_filter".equals(choice.finishReason()));
    }

    /**
     * The attempts of one client request, over the requested model and then its fallbacks.
     *
     * @param <T> what one attempt delivers: a completion, a chunk, an embedding response
     */
    private final class Run<T> {

        private final Route requested;
        private final AttemptTrace trace;
        private final Function<Target, @Nullable BigDecimal> cost;
        private final Function<Target, Flux<T>> call;
        private final Predicate<T> filtered;
        private final List<Fallback> fallbacksLeft;

        Run(
                Route requested,
                AttemptTrace trace,
                Function<Target, @Nullable BigDecimal> cost,
                Function<Target, Flux<T>> call,
                Predicate<T> filtered) {
            this.requested = requested;
            this.trace = trace;
            this.cost = cost;
            this.call = call;
            this.filtered = filtered;
            this.fallbacksLeft = new ArrayList<>(requested.fallbacks());
        }

        Flux<T> start() {
            return on(model(requested));
        }

        private ModelAttempt model(Route route) {
            return new ModelAttempt(route, () -> DeploymentOrder.of(route, health::available, stats, cost, random));
        }

        // Only failures before the first item come back as AttemptFailed; later ones pass through untouched.
        private Flux<T> on(ModelAttempt model) {
            return Flux.defer(() -> next(model))
                    .onErrorResume(AttemptFailed.class, failed -> afterFailure(model, failed));
        }

        private Flux<T> next(ModelAttempt model) {
            model.newRoundIfDue();
            Target target = model.next(health);
            if (target == null) {
                // After a failed attempt whose deployments are now all cooling down, that failure says more.
                Throwable last = model.lastFailure();
                return Flux.error(new AttemptFailed(last != null ? last : noneAvailable(model.route()), false));
            }
            trace.attempting(model.route().model(), target);
            return new Attempt<T>(target, health, stats, metrics)
                    .run(call.apply(target).map(this::unlessFiltered));
        }

        private T unlessFiltered(T item) {
            if (filtered.test(item) && fallbackFor(Fallback.CONTENT_FILTER) != null) {
                throw contentFiltered();
            }
            return item;
        }

        private Flux<T> afterFailure(ModelAttempt model, AttemptFailed failed) {
            Throwable cause = failed.getCause();
            model.failed(cause);
            FailureKind kind = FailureKind.of(cause);
            Duration wait = kind.retriable() && failed.retriable()
                    ? model.retryAfter(kind, FailureKind.retryAfter(cause), health, random)
                    : null;
            if (wait != null) {
                return Mono.delay(wait).thenMany(on(model));
            }
            return fallBack(kind, cause);
        }

        private Flux<T> fallBack(FailureKind kind, Throwable cause) {
            Fallback fallback = fallbackFor(kind.condition());
            if (fallback == null) {
                return Flux.error(cause);
            }
            fallbacksLeft.remove(fallback);
            return router.resolve(fallback.model())
                    .flatMapMany(route -> fellBackTo(route, kind))
                    .switchIfEmpty(Flux.defer(() -> missing(fallback, kind, cause)));
        }

        private Flux<T> fellBackTo(Route route, FailureKind kind) {
            trace.fellBack();
            metrics.fellBack(String.valueOf(kind.condition()));
            return on(model(route));
        }

        private Flux<T> missing(Fallback fallback, FailureKind kind, Throwable cause) {
            log.warn("model {} falls back to {}, which is not served here", requested.model(), fallback.model());
            return fallBack(kind, cause);
        }

        private @Nullable Fallback fallbackFor(@Nullable String condition) {
            if (condition == null) {
                return null;
            }
            return fallbacksLeft.stream()
                    .filter(fallback -> fallback.on().contains(condition))
                    .findFirst()
                    .orElse(null);
        }
    }

    private GatewayException noneAvailable(Route route) {
        Duration wait = route.targets().stream()
                .map(health::unavailableFor)
                .min(Duration::compareTo)
                .orElse(Duration.ZERO);
        boolean rateLimited = route.targets().stream().allMatch(health::coolingAfterRateLimit);
        return GatewayException.builder(
                        rateLimited ? ErrorCode.UPSTREAM_RATE_LIMITED : ErrorCode.UPSTREAM_UNAVAILABLE,
                        "Every deployment of the model '%s' is cooling down after %s; retry shortly."
                                .formatted(route.model(), rateLimited ? "rate limits" : "failures"))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds() + 1)))
                .build();
    }

    private static GatewayException contentFiltered() {
        return GatewayException.builder(
                        ErrorCode.UPSTREAM_REJECTED, "The provider's content filter withheld the answer.")
                .relayed(new GatewayException.Relayed("invalid_request_error", "content_filter", null))
                .build();
    }
}
