package dev.tollgate.gateway.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Virtual key checks, bound from {@code tollgate.auth}.
 *
 * @param keyHashSecret the server secret keys are hashed under ({@code TOLLGATE_KEY_HASH_SECRET}), the same value the
 *     admin service uses; at least 32 bytes and never defaulted
 * @param cacheTtl how long a looked-up key (found or not) is trusted without asking Redis again; change announcements
 *     drop entries sooner
 * @param maxStale how long an entry past its TTL may still be used while Redis is unreachable; an uncached key is then
 *     refused with 503
 * @param cacheSize most keys held in memory, unknown ones included
 */
@Validated
@ConfigurationProperties("tollgate.auth")
record AuthProperties(
        @NotBlank(
                message = "is not set: set TOLLGATE_KEY_HASH_SECRET (at least 32 bytes, the same value as the"
                        + " admin service's), or run with the 'local' profile for development")
        String keyHashSecret,

        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("5m") Duration maxStale,
        @DefaultValue("100000") @Min(1) long cacheSize) {

    @Override
    public String toString() {
        return "AuthProperties[keyHashSecret=***, cacheTtl=%s, maxStale=%s, cacheSize=%d]"
                .formatted(cacheTtl, maxStale, cacheSize);
    }
}
