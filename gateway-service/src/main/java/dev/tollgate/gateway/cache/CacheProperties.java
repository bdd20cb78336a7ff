package dev.tollgate.gateway.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The exact response cache, bound from {@code tollgate.cache}.
 *
 * @param enabled whether any request is cached at all; {@code false} ignores the {@code x-tollgate-cache} header too
 * @param temperatureZero whether a request that sets {@code temperature} to 0 is cached without asking; when
 *     {@code false} only {@code x-tollgate-cache: on} (or {@code refresh}) caches
 * @param perKey whether answers are shared only by requests sent with the same key, not by the whole tenant
 * @param ttl how long an answer is kept when the caller does not say
 * @param maxTtl the most a caller's {@code x-tollgate-cache-ttl} can ask for
 */
@Validated
@ConfigurationProperties("tollgate.cache")
record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean temperatureZero,
        @DefaultValue("false") boolean perKey,
        @DefaultValue("1h") Duration ttl,
        @DefaultValue("24h") Duration maxTtl) {}
