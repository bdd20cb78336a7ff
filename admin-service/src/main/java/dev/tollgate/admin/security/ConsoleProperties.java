package dev.tollgate.admin.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web console's sign-in, bound from {@code tollgate.console}.
 *
 * @param secureCookie {@code TOLLGATE_CONSOLE_SECURE_COOKIE}: {@code true} marks the session cookie {@code Secure}
 *     always (behind a TLS-terminating proxy that does not forward the scheme), {@code false} never; unset, it is
 *     {@code Secure} exactly when the request came over https
 * @param maxLoginFailures failed sign-ins per email and client address before further attempts are refused
 * @param loginFailureWindow how long a failed sign-in counts against that limit
 */
@Validated
@ConfigurationProperties("tollgate.console")
record ConsoleProperties(
        @Nullable Boolean secureCookie,
        @DefaultValue("5") @Min(1) int maxLoginFailures,
        @DefaultValue("5m") Duration loginFailureWindow) {}
