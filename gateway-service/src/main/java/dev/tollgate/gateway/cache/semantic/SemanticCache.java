package dev.tollgate.gateway.cache.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.cache.semantic.VectorBuckets.Match;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The semantic cache as the exact cache sees it: {@link #find} the answer key of a stored prompt close enough to a
 * plan's, {@link #remember} a fresh answer's prompt, {@link #purge} a tenant's or a route's entries. Embeddings of
 * recent prompts are kept for ten minutes, so a miss that is then stored embeds its prompt once. Fails open: an
 * embedding that fails or takes longer than {@code embedding-timeout}, or an index failure, is a miss, and a failed
 * store is only logged. Times lookups as {@code tollgate.cache.semantic.lookup} and counts held entries as
 * {@code tollgate.cache.semantic.entries}; no tenant or key tags.
 */
public final class SemanticCache {

    private static final Logger log = LoggerFactory.getLogger(SemanticCache.class);

    private final PromptEmbedder embedder;
    private final SemanticIndex index;
    private final SemanticProperties properties;
    private final Timer lookups;
    private final Cache<String, float[]> recent = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    SemanticCache(PromptEmbedder embedder, SemanticIndex index, SemanticProperties properties, MeterRegistry registry) {
        this.embedder = embedder;
        this.index = index;
        this.properties = properties;
        this.lookups = Timer.builder("tollgate.cache.semantic.lookup").register(registry);
    }

    /** The gateway's settings: the defaults keys and routes override. */
    public SemanticProperties properties() {
        return properties;
    }

    /** The embedding model's name, part of every scope: vectors of different models are never compared. */
    public String embedderId() {
        return embedder.id();
    }

    /** Whether a last user turn of this length is embedded at all. */
    public boolean accepts(String prompt) {
        return !prompt.isBlank() && prompt.length() <= properties.maxPromptLength();
    }

    /** The nearest stored prompt at or above the plan's threshold, with its answer's key; empty on a miss. */
    public Mono<Match> find(SemanticPlan plan) {
        return Mono.defer(() -> nearest(plan))
                .timeout(properties.embeddingTimeout())
                .onErrorResume(this::missed);
    }

    /** Forgets the entry of a match whose answer has gone (expired or purged). */
    public void forget(String entryKey) {
        index.forget(entryKey);
    }

    /** Keeps the plan's prompt as a way to {@code answerKey} for {@code ttl}. Completes when kept or not. */
    public Mono<Void> remember(SemanticPlan plan, String answerKey, Duration ttl) {
        long expiresAt = System.currentTimeMillis() + ttl.toMillis();
        return embedded(plan.prompt())
                .timeout(properties.embeddingTimeout())
                .map(vector -> new SemanticEntry(
                        plan.entryKey(), plan.tenantId(), plan.routeTag(), plan.scope(), vector, answerKey, expiresAt))
                .flatMap(entry -> index.add(entry, ttl))
                .onErrorResume(this::notKept);
    }

    /** Forgets a tenant's entries held in memory. */
    public void purge(String tenantId) {
        index.purge(tenantId);
    }

    /** Forgets a route's entries held in memory, in every tenant. */
    public void purgeRoute(String routeTag) {
        index.purgeRoute(routeTag);
    }

    private Mono<Match> nearest(SemanticPlan plan) {
        long started = System.nanoTime();
        return embedded(plan.prompt())
                .flatMap(vector -> index.nearest(plan, vector))
                .doOnTerminate(() -> lookups.record(Duration.ofNanos(System.nanoTime() - started)));
    }

    private Mono<float[]> embedded(String prompt) {
        float[] known = recent.getIfPresent(prompt);
        if (known != null) {
            return Mono.just(known);
        }
        return embedder.embed(prompt).doOnNext(vector -> recent.put(prompt, vector));
    }

    private <T> Mono<T> missed(Throwable failure) {
        if (failure instanceof TimeoutException) {
            log.debug("semantic lookup timed out, a miss");
        } else {
            log.warn("semantic lookup failed, a miss: {}", failure.toString());
        }
        return Mono.empty();
    }

    private Mono<Void> notKept(Throwable failure) {
        log.warn("prompt not kept in the semantic cache: {}", failure.toString());
        return Mono.empty();
    }
}
