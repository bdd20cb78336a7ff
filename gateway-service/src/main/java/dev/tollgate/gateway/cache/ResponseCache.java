package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.cache.CachePolicy.Mode;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
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
 * The exact response cache as the request pipeline sees it: {@link #plan} decides whether a routed request may be
 * cached, {@link #find} looks its answer up, {@link #store} keeps a fresh answer. Entries live in Redis under the
 * tenant's prefix, so an answer is never served to another tenant. Fails open: a Redis failure or an unreadable entry
 * is a miss, and a failed store is only logged. Counts {@code tollgate.cache.requests} by {@code outcome}
 * ({@code hit}, {@code miss}, {@code bypass}); tenants never become tags.
 */
@Component
public final class ResponseCache {

    /** The response header saying whether the answer came from the cache: {@code hit} or {@code miss}. */
    public static final String HEADER = CachePolicy.MODE_HEADER;

    static final String REQUESTS = "tollgate.cache.requests";
    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

    private final BlockingRedis redis;
    private final OpenAiJson json;
    private final CacheProperties properties;
    private final MeterRegistry registry;

    ResponseCache(BlockingRedis redis, OpenAiJson json, CacheProperties properties, MeterRegistry registry) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.registry = registry;
    }

    /**
     * The plan for {@code request} of {@code tenantId} (sent with {@code keyId}), routed as {@code route} to
     * {@code upstreamModel} on {@code deploymentId}, or {@code null} when it is not cached.
     */
    public @Nullable CachePlan plan(
            HttpHeaders headers,
            ChatCompletionRequest request,
            String tenantId,
            String keyId,
            String route,
            @Nullable String deploymentId,
            String upstreamModel) {
        Mode mode = CachePolicy.mode(properties, headers, request);
        if (mode == Mode.BYPASS) {
            count("bypass");
            return null;
        }
        var scope = new CacheKeys.Scope(tenantId, properties.perKey() ? keyId : null);
        var target = new CacheKeys.Target(route, deploymentId, upstreamModel);
        String key = CacheKeys.of(scope, target, request, json.upstreamMapper());
        return new CachePlan(key, mode == Mode.LOOKUP, CachePolicy.ttl(properties, headers));
    }

    /** The stored answer for {@code plan}; empty on a miss, for a refresh, or when there is no plan. */
    public Mono<CachedAnswer> find(@Nullable CachePlan plan) {
        if (plan == null) {
            return Mono.empty();
        }
        Mono<CachedAnswer> found = plan.lookup()
                ? redis.get(plan.key()).mapNotNull(this::decoded).onErrorResume(this::unreadable)
                : Mono.empty();
        return found.doOnNext(hit -> count("hit")).switchIfEmpty(Mono.fromRunnable(() -> count("miss")));
    }

    /**
     * Keeps {@code answer} for {@code plan}, if there is a plan and the answer may be kept. Completes when it is
     * written, or failed to be, which is only logged.
     */
    public Mono<Void> store(@Nullable CachePlan plan, CachedAnswer answer) {
        if (plan == null || !storable(answer)) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> encoded(answer))
                .flatMap(entry -> redis.put(plan.key(), entry, plan.ttl()))
                .then()
                .onErrorResume(this::notStored);
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
