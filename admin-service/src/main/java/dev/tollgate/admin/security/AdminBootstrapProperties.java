package dev.tollgate.admin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first platform admin, bound from {@code tollgate.admin} ({@code TOLLGATE_ADMIN_*}). Used only while no platform
 * admin exists, except the API token, which is registered whenever it is set and not yet known.
 *
 * @param email {@code TOLLGATE_ADMIN_EMAIL}
 * @param password {@code TOLLGATE_ADMIN_PASSWORD}; when neither this nor the email is set, a one-time password is
 *     generated and logged once
 * @param apiToken {@code TOLLGATE_ADMIN_API_TOKEN}: registered, hashed, as that admin's API token
 */
@ConfigurationProperties("tollgate.admin")
record AdminBootstrapProperties(
        @Nullable String email,
        @Nullable String password,
        @Nullable String apiToken) {

    @Override
    public String toString() {
        return "AdminBootstrapProperties[email=" + email + "]";
    }
}
