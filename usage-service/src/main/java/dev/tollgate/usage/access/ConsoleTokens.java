package dev.tollgate.usage.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.usage.system.BlockingRedis;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates console tokens: ES256 JWTs signed by the admin service, whose public key is published in Redis by
 * {@code kid} (see {@link AccessKeys}). Checks signature, issuer, audience, expiry, and that the token lived at most
 * {@value AccessKeys#CONSOLE_TOKEN_MAX_SECONDS} seconds, so a leaked token is useless within minutes. Fails closed.
 */
final class ConsoleTokens {

    private static final Duration MAX_LIFETIME = Duration.ofSeconds(AccessKeys.CONSOLE_TOKEN_MAX_SECONDS);

    private final BlockingRedis redis;
    private final Cache<String, JWK> keys;
    private final NimbusReactiveJwtDecoder decoder;

    ConsoleTokens(BlockingRedis redis, Clock clock, AccessProperties properties) {
        this.redis = redis;
        this.keys = Caffeine.newBuilder()
                .expireAfterWrite(properties.jwkCacheTtl())
                .maximumSize(100)
                .build();
        this.decoder = NimbusReactiveJwtDecoder.withJwkSource(this::signingKey)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        this.decoder.setJwtValidator(validator(clock, properties.clockSkew()));
    }

    Mono<Caller> authenticate(String token) {
        return decoder.decode(token)
                .map(ConsoleTokens::toCaller)
                .onErrorMap(JwtException.class, bad -> new InvalidBearerTokenException(bad.getMessage(), bad))
                .onErrorMap(IllegalArgumentException.class, bad -> new InvalidBearerTokenException("Unusable claims"));
    }

    private Flux<JWK> signingKey(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return Flux.empty(); // no kid, no key: the decoder refuses the token
        }
        JWK cached = keys.getIfPresent(kid);
        return cached != null ? Flux.just(cached) : load(kid).flux();
    }

    private Mono<JWK> load(String kid) {
        return redis.call(jedis -> jedis.get(AccessKeys.consoleJwk(kid)))
                .map(json -> parse(kid, json))
                .doOnNext(key -> keys.put(kid, key));
    }

    // The key is looked up by kid, so it is the key for that kid even if the published JSON leaves "kid" out.
    private static JWK parse(String kid, String json) {
        try {
            JWK key = JWK.parse(json);
            return key instanceof ECKey ec ? new ECKey.Builder(ec).keyID(kid).build() : key;
        } catch (ParseException malformed) {
            throw new InvalidBearerTokenException("Malformed signing key " + kid);
        }
    }

    private static OAuth2TokenValidator<Jwt> validator(Clock clock, Duration clockSkew) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new JwtIssuerValidator(AccessKeys.CONSOLE_ISSUER),
                new JwtClaimValidator<@Nullable List<String>>(
                        JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(AccessKeys.USAGE_AUDIENCE)),
                ConsoleTokens::shortLived);
    }

    private static OAuth2TokenValidatorResult shortLived(Jwt jwt) {
        boolean valid = jwt.getIssuedAt() != null
                && jwt.getExpiresAt() != null
                && !Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())
                        .minus(MAX_LIFETIME)
                        .isPositive();
        return valid
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "Console tokens must carry iat and live at most 300 s", null));
    }

    private static Caller toCaller(Jwt jwt) {
        String email = jwt.getClaimAsString("email");
        return new Caller(
                required(jwt, JwtClaimNames.SUB),
                email == null ? "" : email,
                Role.valueOf(required(jwt, "role")),
                Tenants.normal(jwt.getClaimAsString("tenant_id")));
    }

    private static String required(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Console token without " + claim);
        }
        return value;
    }
}
