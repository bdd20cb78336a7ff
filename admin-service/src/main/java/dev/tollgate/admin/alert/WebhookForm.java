package dev.tollgate.admin.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may set on a webhook; the secret is always the server's.
 *
 * @param url where to post alerts: {@code https://…}
 * @param enabled whether to post them; {@code true} when absent
 */
record WebhookForm(
        @NotBlank @Size(max = 2000) @Nullable String url,
        @Nullable Boolean enabled) {

    boolean enabledOrTrue() {
        return enabled == null || enabled;
    }
}
