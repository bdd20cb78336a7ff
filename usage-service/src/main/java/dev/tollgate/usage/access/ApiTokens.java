package dev.tollgate.usage.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.model.access.ApiTokenSnapshot;
import dev.tollgate.usage.system.BlockingRedis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates {@code tg-…} API tokens against their snapshots in Redis. Found snapshots are cached for
 * {@code apiTokenCacheTtl}, so revoking a token (the admin service deletes its key) takes effect within that; absence
 * is never cached, so a new token works at once. Fails closed: no Redis, no access.
 */
final class ApiTokens {

    private final BlockingRedis redis;
    private final Clock clock;
    private final Cache<String, ApiTokenSnapshot> cache;

    ApiTokens(BlockingRedis redis, Clock clock, AccessProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.apiTokenCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    Mono<Caller> authenticate(String token) {
        String hash = sha256(token);
        return cached(hash)
                .switchIfEmpty(load(hash))
                .filter(snapshot -> snapshot.usableAt(clock.instant()))
                .map(ApiTokens::toCaller)
                // A snapshot this version cannot read (an unknown role) grants nothing.
                .onErrorMap(IllegalArgumentException.class, bad -> new InvalidBearerTokenException("Unusable token"))
                .onErrorMap(JacksonException.class, bad -> new InvalidBearerTokenException("Unreadable token"))
                .switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException("Unknown, revoked or expired token")));
    }

    private Mono<ApiTokenSnapshot> cached(String hash) {
        return Mono.justOrEmpty(cache.getIfPresent(hash));
    }

    private Mono<ApiTokenSnapshot> load(String hash) {
        return redis.call(jedis -> jedis.get(AccessKeys.apiToken(hash)))
                .map(json -> JsonMapper.shared().readValue(json, ApiTokenSnapshot.class))
                .doOnNext(snapshot -> cache.put(hash, snapshot));
    }

    private static Caller toCaller(ApiTokenSnapshot snapshot) {
        return new Caller(
                snapshot.userId(),
                snapshot.email(),
                Role.valueOf(snapshot.role()),
                Tenants.normal(snapshot.tenantId()));
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JRE has SHA-256", impossible);
        }
    }
}
