package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.cache.CachePolicy.Mode;
import dev.tollgate.gateway.cache.semantic.SemanticCache;
import dev.tollgate.gateway.cache.semantic.SemanticPlan;
import dev.tollgate.gateway.cache.semantic.SemanticProperties;
import dev.tollgate.gateway.cache.semantic.VectorBuckets.Match;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.routing.Route;
import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.route.CacheSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The response cache as the request pipeline sees it: {@link #plan} decides whether a routed request may be cached
 * (with the settings in force: the key's over the route's over the gateway's, the caller's header over all),
 * {@link #find} looks its answer up (the same request first, then, where the semantic cache is on, a near-duplicate
 * prompt), {@link #store} keeps a fresh answer. Entries live in Redis under the tenant's prefix, so an answer is never
 * served to another tenant. Fails open: a Redis failure or an unreadable entry is a miss, and a failed store is only
 * logged. Counts {@code tollgate.cache.requests} by {@code outcome} ({@code hit}, {@code semantic-hit}, {@code miss},
 * {@code bypass}); tenants never become tags.
 */
@Component
public final class ResponseCache {

    /**
     * The response header saying whether the answer came from the cache: {@code hit}, {@code semantic-hit} or
     * {@code miss}.
     */
    public static final String HEADER = CachePolicy.MODE_HEADER;

    static final String REQUESTS = "tollgate.cache.requests";
    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

    private final BlockingRedis redis;
    private final OpenAiJson json;
    private final CacheProperties properties;
    private final MeterRegistry registry;
    private final SemanticCache semantic;

    ResponseCache(
            BlockingRedis redis,
            OpenAiJson json,
            CacheProperties properties,
            MeterRegistry registry,
            SemanticCache semantic) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.registry = registry;
        this.semantic = semantic;
    }

    /**
     * The plan for {@code request} sent with {@code key} and routed as {@code route}, or {@code null} when it is not
     * cached.
     */
    public @Nullable CachePlan plan(HttpHeaders headers, ChatCompletionRequest request, KeyPrincipal key, Route route) {
        SettingsInForce settings = SettingsInForce.of(defaults(), route.cache(), key.cache());
        Mode mode = CachePolicy.mode(properties, headers, request, settings);
        if (mode == Mode.BYPASS) {
            count("bypass");
            return null;
        }
        var scope = new CacheKeys.Scope(key.tenantId(), settings.perKey() ? key.keyId() : null);
        var target = new CacheKeys.Target(route.model(), route.cacheIdentity());
        String answerKey = CacheKeys.of(scope, target, request, json.upstreamMapper());
        SemanticPlan semanticPlan =
                settings.semantic() ? semanticPlan(scope, target, request, answerKey, settings) : null;
        return new CachePlan(
                answerKey, mode == Mode.LOOKUP, CachePolicy.ttl(properties, headers, settings), semanticPlan);
    }

    /**
     * The stored answer for {@code plan}: the same request's, else (where the semantic cache is on) a near-duplicate
     * prompt's; empty on a miss, for a refresh, or when there is no plan.
     */
    public Mono<CachedAnswer> find(@Nullable CachePlan plan) {
        if (plan == null) {
            return Mono.empty();
        }
        Mono<CachedAnswer> found = plan.lookup()
                ? answer(plan.key()).switchIfEmpty(Mono.defer(() -> similar(plan.semantic())))
                : Mono.empty();
        return found.doOnNext(hit -> count(hit.kind())).switchIfEmpty(Mono.fromRunnable(() -> count("miss")));
    }

    /**
     * Keeps {@code answer} for {@code plan}, if there is a plan and the answer may be kept, and its prompt for the
     * semantic cache when that is on. Completes when both are written, or failed to be, which is only logged.
     */
    public Mono<Void> store(@Nullable CachePlan plan, CachedAnswer answer) {
        if (plan == null || !storable(answer)) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> encoded(answer))
                .flatMap(entry -> redis.put(plan.key(), entry, plan.ttl()))
                .then(Mono.defer(() -> remembered(plan)))
                .onErrorResume(this::notStored);
    }

    private SettingsInForce.Defaults defaults() {
        SemanticProperties gateway = semantic.properties();
        String mode = properties.temperatureZero() ? CacheSettings.DETERMINISTIC : CacheSettings.OFF;
        return new SettingsInForce.Defaults(
                mode, properties.ttl(), properties.perKey(), gateway.enabled(), gateway.similarityThreshold());
    }

    private @Nullable SemanticPlan semanticPlan(
            CacheKeys.Scope scope,
            CacheKeys.Target target,
            ChatCompletionRequest request,
            String answerKey,
            SettingsInForce settings) {
        SemanticPrompts.Split split = SemanticPrompts.of(request);
        if (split == null || !semantic.accepts(split.lastTurn())) {
            return null;
        }
        String lookupScope = CacheKeys.semanticScope(
                scope, target, request, split.earlier(), semantic.embedderId(), json.upstreamMapper());
        return new SemanticPlan(
                CacheKeys.semanticEntry(answerKey),
                scope.tenantId(),
                CacheKeys.routeTag(target.route()),
                lookupScope,
                split.lastTurn(),
                settings.similarityThreshold());
    }

    private Mono<CachedAnswer> answer(String key) {
        return redis.get(key).mapNotNull(this::decoded).onErrorResume(this::unreadable);
    }

    // A match whose answer has gone (expired, purged) is forgotten, and the request is a miss.
    private Mono<CachedAnswer> similar(@Nullable SemanticPlan plan) {
        if (plan == null) {
            return Mono.empty();
        }
        return semantic.find(plan).flatMap(this::matched);
    }

    private Mono<CachedAnswer> matched(Match match) {
        return answer(match.answerKey())
                .map(CachedAnswer::semantic)
                .switchIfEmpty(Mono.fromRunnable(() -> semantic.forget(match.entryKey())));
    }

    private Mono<Void> remembered(CachePlan plan) {
        return plan.semantic() == null ? Mono.empty() : semantic.remember(plan.semantic(), plan.key(), plan.ttl());
    }

    // An answer the provider itself filtered is unfit to repeat. Guardrails decide before this: a call whose request or
    // answer they flagged has no plan to store under (api ChatCall#storable), so it never gets here.
    private static boolean storable(CachedAnswer answer) {
        boolean filtered = answer.completion() != null
                && answer.completion().choices() != null
                && answer.completion().choices().stream()
                        .anyMatch(choice -> "content_filter".equals(String.valueOf(choice.finishReason())));
        return !filtered && (answer.completion() != null || !answer.chunks().isEmpty());
    }

    private String encoded(CachedAnswer answer) {
        Tokens tokens = answer.tokens();
        var entry = new CacheEntry(
                tokens.prompt(),
                tokens.completion(),
                tokens.cached(),
                tokens.cacheWritten(),
                tokens.reasoning(),
                tokens.estimated(),
                answer.completion() == null ? null : text(answer.completion()),
                answer.completion() == null
                        ? answer.chunks().stream().map(this::text).toList()
                        : null);
        return json.upstreamMapper().writeValueAsString(entry);
    }

    private @Nullable CachedAnswer decoded(String stored) {
        CacheEntry entry = json.upstreamMapper().readValue(stored, CacheEntry.class);
        var tokens = new Tokens(
                entry.promptTokens(),
                entry.completionTokens(),
                entry.cachedTokens(),
                entry.cacheWriteTokens(),
                entry.reasoningTokens(),
                entry.estimated());
        if (entry.completion() != null) {
            return CachedAnswer.of(json.upstreamMapper().readValue(entry.completion(), ChatCompletion.class), tokens);
        }
        return entry.chunks() == null ? null : CachedAnswer.streamed(chunks(entry.chunks()), tokens);
    }

    private List<ChatCompletionChunk> chunks(List<String> stored) {
        return stored.stream()
                .map(chunk -> json.upstreamMapper().readValue(chunk, ChatCompletionChunk.class))
                .toList();
    }

    private String text(Object value) {
        return new String(json.write(value), StandardCharsets.UTF_8);
    }

    private Mono<CachedAnswer> unreadable(Throwable failure) {
        if (failure instanceof JacksonException) {
            log.warn("unreadable cache entry, treated as a miss: {}", failure.toString());
        } else {
            log.debug("cache lookup failed, treated as a miss: {}", failure.toString());
        }
        return Mono.empty();
    }

    private Mono<Void> notStored(Throwable failure) {
        log.warn("answer not cached: {}", failure.toString());
        return Mono.empty();
    }

    private void count(String outcome) {
        registry.counter(REQUESTS, "outcome", outcome).increment();
    }
}
