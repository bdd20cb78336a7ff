package dev.tollgate.usage.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long published credentials are trusted without asking Redis again, bound from {@code tollgate.usage.access}.
 *
 * @param apiTokenCacheTtl how long a found API token is reused; a revoked token keeps working at most this long
 * @param jwkCacheTtl how long a console signing key is reused
 * @param clockSkew leeway when checking a console token's expiry against this host's clock
 */
@ConfigurationProperties("tollgate.usage.access")
record AccessProperties(
        @DefaultValue("5s") Duration apiTokenCacheTtl,
        @DefaultValue("10s") Duration jwkCacheTtl,
        @DefaultValue("30s") Duration clockSkew) {}
