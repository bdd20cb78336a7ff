package dev.tollgate.gateway.guardrail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.guardrail.GuardrailKeys;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guardrail policies that apply to a request: the platform's, its tenant's, its key's and its public model's,
 * compiled and cached per scope in front of Redis and loaded with one {@code MGET} for all four. Scopes without
 * policies are cached as such, so a request with none costs no Redis read either. Change announcements of kind
 * {@code guardrail} drop the scope they name; other kinds (keys, routes, budgets, templates, cache purges) leave this
 * cache alone, and {@code all} (or an unknown kind) drops everything.
 *
 * <p><b>Fails closed</b>: when Redis cannot be reached, entries past their TTL are used for up to {@code max-stale};
 * when any of the four scopes was never seen (or is older than that) the request is refused with 503
 * {@code config_unavailable}, because a policy the gateway cannot read might be the one that keeps personal data from
 * a provider. A published document the gateway cannot apply (malformed JSON, an unknown detector or action, a pattern
 * that does not compile) fails its scope closed the same way, with an error log, never with a 500.
 */
@Component
class PublishedGuardrails {

    private static final Logger log = LoggerFactory.getLogger(PublishedGuardrails.class);
    private static final TypeReference<List<GuardrailPolicy>> LIST = new TypeReference<>() {};
    private static final String PREFIX = "tollgate:guardrail:";

    private final BlockingRedis redis;
    private final Detectors detectors;
    private final GuardrailProperties properties;
    // Tolerant, as for any document another service writes: a missing "reversible" reads as false.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final Cache<String, Entry> cache;
    // Bumped by every invalidation, so a load that raced with one does not cache what it read before it.
    private final AtomicLong generation = new AtomicLong();

    PublishedGuardrails(BlockingRedis redis, Detectors detectors, GuardrailProperties properties) {
        this.redis = redis;
        this.detectors = detectors;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.maxStale())
                .build();
    }

    /** The policies of the platform, then of {@code tenantId}, {@code keyId} and the public model {@code route}. */
    Mono<List<CompiledPolicy>> applying(String tenantId, String keyId, String route) {
        List<String> keys = List.of(
                GuardrailKeys.policies(GuardrailPolicy.GLOBAL, GuardrailKeys.GLOBAL_ID),
                GuardrailKeys.policies(GuardrailPolicy.TENANT, tenantId),
                GuardrailKeys.policies(GuardrailPolicy.KEY, keyId),
                GuardrailKeys.policies(GuardrailPolicy.ROUTE, route));
        List<@Nullable Entry> cached = keys.stream().map(cache::getIfPresent).toList();
        if (cached.stream().allMatch(this::fresh)) {
            return Mono.just(concat(cached));
        }
        return load(keys).onErrorResume(GatewayException.class, failure -> stale(cached, failure));
    }

    @EventListener
    void on(ConfigChange change) {
        switch (change.kind()) {
            case GuardrailKeys.CHANGE_KIND -> forget(PREFIX + change.id());
            case ConfigChange.ALL -> forgetAll();
            default -> {} // other kinds are other caches' business
        }
    }

    private void forget(String key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    private void forgetAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    private Mono<List<CompiledPolicy>> load(List<String> keys) {
        long seen = generation.get();
        return redis.getAll(keys).map(documents -> {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                entries.add(remembered(keys.get(i), documents.get(i), seen));
            }
            return concat(entries);
        });
    }

    private Entry remembered(String key, @Nullable String document, long seen) {
        Entry entry = new Entry(document == null ? List.of() : compiled(key, document), Instant.now());
        if (generation.get() == seen) {
            cache.put(key, entry);
        }
        return entry;
    }

    private List<CompiledPolicy> compiled(String key, String document) {
        try {
            return json.readValue(document, LIST).stream()
                    .map(detectors::compile)
                    .toList();
        } catch (JacksonException malformed) {
            log.error("published guardrail policies at {} are malformed: {}", key, malformed.getOriginalMessage());
            throw unavailable(null);
        } catch (RuntimeException invalid) {
            log.error("published guardrail policies at {} are invalid: {}", key, invalid.toString());
            throw unavailable(null);
        }
    }

    private Mono<List<CompiledPolicy>> stale(List<@Nullable Entry> cached, GatewayException failure) {
        boolean usable = failure.code() == ErrorCode.CONFIG_UNAVAILABLE
                && cached.stream().allMatch(entry -> entry != null);
        return usable ? Mono.just(concat(cached)) : Mono.error(unavailable(failure));
    }

    private boolean fresh(@Nullable Entry entry) {
        return entry != null && entry.loadedAt().isAfter(Instant.now().minus(properties.cacheTtl()));
    }

    private static GatewayException unavailable(@Nullable Throwable cause) {
        return GatewayException.upstream(
                ErrorCode.CONFIG_UNAVAILABLE,
                "The gateway cannot read this request's content policies right now; please retry shortly.",
                cause);
    }

    private static List<CompiledPolicy> concat(List<@Nullable Entry> entries) {
        List<CompiledPolicy> all = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry != null) {
                all.addAll(entry.policies());
            }
        }
        return all;
    }

    /** A cached lookup of one scope; {@code policies} is empty when nothing is published there. */
    private record Entry(List<CompiledPolicy> policies, Instant loadedAt) {}
}
