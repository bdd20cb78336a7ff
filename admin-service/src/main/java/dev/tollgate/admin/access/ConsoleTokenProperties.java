package dev.tollgate.admin.access;

import dev.tollgate.model.access.AccessKeys;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Console tokens, bound from {@code tollgate.console-token}.
 *
 * @param signingKey {@code TOLLGATE_CONSOLE_SIGNING_KEY}: a private EC P-256 key as a JSON Web Key (with {@code kid}
 *     and {@code d}); unset, each instance generates a key pair at start, which is enough because every instance
 *     publishes its own public key under its own {@code kid}. Set it only to keep one key across restarts.
 * @param lifetime how long a console token is valid, at most {@value AccessKeys#CONSOLE_TOKEN_MAX_SECONDS} seconds
 * @param jwkTtl how long the published public key lives in Redis without being refreshed; at least
 *     {@code jwk-refresh + lifetime + } {@value AccessKeys#CONSOLE_TOKEN_MAX_SECONDS} seconds
 * @param jwkRefresh how often the published public key's TTL is renewed; well under {@code jwkTtl}
 */
@Validated
@ConfigurationProperties("tollgate.console-token")
public record ConsoleTokenProperties(
        @Nullable String signingKey,
        @DefaultValue("120s") Duration lifetime,
        @DefaultValue("15m") Duration jwkTtl,
        @DefaultValue("60s") Duration jwkRefresh) {

    public ConsoleTokenProperties {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.toSeconds() > AccessKeys.CONSOLE_TOKEN_MAX_SECONDS) {
            throw new IllegalArgumentException("tollgate.console-token.lifetime must be between 1s and "
                    + AccessKeys.CONSOLE_TOKEN_MAX_SECONDS + "s");
        }
        Duration margin = Duration.ofSeconds(AccessKeys.CONSOLE_TOKEN_MAX_SECONDS);
        if (jwkTtl.compareTo(jwkRefresh.plus(lifetime).plus(margin)) < 0) {
            // The contract: the published key outlives the last token it signed by at least that margin, even when
            // the instance stops right after a refresh was due.
            throw new IllegalArgumentException(
                    "tollgate.console-token.jwk-ttl must be at least jwk-refresh + lifetime + " + margin.toSeconds()
                            + "s");
        }
    }
}
