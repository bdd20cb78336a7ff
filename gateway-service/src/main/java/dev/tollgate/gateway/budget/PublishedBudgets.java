package dev.tollgate.gateway.budget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import dev.tollgate.model.budget.BudgetWindow;
import dev.tollgate.model.config.ConfigChange;
import java.math.BigDecimal;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The budgets that apply to a caller (its key's and its tenant's), cached per scope in front of Redis and loaded with
 * one {@code MGET} for both scopes. Change announcements drop entries at once. <b>Fails closed</b>: when Redis cannot
 * be reached, entries past their TTL are used for up to {@code max-stale}; with nothing cached the request is refused
 * with 503 {@code budget_unavailable}, because an unknown budget might be exhausted.
 */
@Component
public final class PublishedBudgets {

    private static final Logger log = LoggerFactory.getLogger(PublishedBudgets.class);
    private static final TypeReference<List<BudgetSnapshot>> LIST = new TypeReference<>() {};

    private final BlockingRedis redis;
    private final BudgetProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<String, Entry> cache;
    // Bumped by every invalidation, so a load that raced with one does not cache what it read before it.
    private final AtomicLong generation = new AtomicLong();

    PublishedBudgets(BlockingRedis redis, BudgetProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.maxStale())
                .build();
    }

    /** The budgets of {@code caller}'s key, then those of its tenant. */
    public Mono<List<BudgetSnapshot>> applying(Caller caller) {
        String key = BudgetKeys.budgets("key", caller.key().keyId());
        String tenant = BudgetKeys.budgets("tenant", caller.tenant().tenantId());
        Entry forKey = cache.getIfPresent(key);
        Entry forTenant = cache.getIfPresent(tenant);
        if (fresh(forKey) && fresh(forTenant)) {
            return Mono.just(concat(forKey.budgets(), forTenant.budgets()));
        }
        return load(key, tenant).onErrorResume(GatewayException.class, failure -> stale(forKey, forTenant, failure));
    }

    @EventListener
    void on(ConfigChange change) {
        generation.incrementAndGet();
        switch (change.kind()) {
            case BudgetKeys.CHANGE_KIND -> cache.invalidate("tollgate:budget:" + change.id());
            case ConfigChange.ALL -> cache.invalidateAll();
            default -> {} // other kinds are other caches' business
        }
    }

    private Mono<List<BudgetSnapshot>> load(String key, String tenant) {
        long seen = generation.get();
        return redis.getAll(List.of(key, tenant)).map(documents -> {
            List<BudgetSnapshot> forKey = remembered(key, documents.get(0), seen);
            List<BudgetSnapshot> forTenant = remembered(tenant, documents.get(1), seen);
            return concat(forKey, forTenant);
        });
    }

    private List<BudgetSnapshot> remembered(String key, @Nullable String document, long seen) {
        List<BudgetSnapshot> budgets = document == null ? List.of() : parse(key, document);
        if (generation.get() == seen) {
            cache.put(key, new Entry(budgets, Instant.now()));
        }
        return budgets;
    }

    // A budget the gateway cannot apply (bad amount, period or time zone) fails its scope closed, never with a 500.
    private List<BudgetSnapshot> parse(String key, String document) {
        try {
            List<BudgetSnapshot> budgets = List.copyOf(json.readValue(document, LIST));
            budgets.forEach(PublishedBudgets::check);
            return budgets;
        } catch (JacksonException malformed) {
            log.error("published budgets at {} are malformed: {}", key, malformed.getOriginalMessage());
            throw unavailable(null);
        } catch (RuntimeException invalid) {
            log.error("published budgets at {} are invalid: {}", key, invalid.toString());
            throw unavailable(null);
        }
    }

    private static void check(BudgetSnapshot budget) {
        BudgetWindow.of(budget, Instant.now());
        if (new BigDecimal(budget.amountUsd()).signum() < 0) {
            throw new IllegalArgumentException("negative amount");
        }
    }

    private Mono<List<BudgetSnapshot>> stale(
            @Nullable Entry forKey, @Nullable Entry forTenant, GatewayException failure) {
        if (forKey == null || forTenant == null) {
            return Mono.error(unavailable(failure));
        }
        return Mono.just(concat(forKey.budgets(), forTenant.budgets()));
    }

    private boolean fresh(@Nullable Entry entry) {
        return entry != null && entry.loadedAt().isAfter(Instant.now().minus(properties.cacheTtl()));
    }

    private static GatewayException unavailable(@Nullable Throwable cause) {
        return GatewayException.upstream(
                ErrorCode.BUDGET_UNAVAILABLE,
                "The gateway cannot check this key's budgets right now; please retry shortly.",
                cause);
    }

    private static List<BudgetSnapshot> concat(List<BudgetSnapshot> first, List<BudgetSnapshot> second) {
        List<BudgetSnapshot> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private record Entry(List<BudgetSnapshot> budgets, Instant loadedAt) {}
}
