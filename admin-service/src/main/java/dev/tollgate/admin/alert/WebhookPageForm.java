package dev.tollgate.admin.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The console's webhook form; {@code enabled} comes from an On/Paused select, and a missing one means paused. */
record WebhookPageForm(
        @NotBlank @Size(max = 2000) @Nullable String url,
        @Nullable Boolean enabled) {

    static WebhookPageForm of(WebhookView webhook) {
        return new WebhookPageForm(webhook.url(), !webhook.configured() || webhook.enabled());
    }

    WebhookForm toWebhookForm() {
        return new WebhookForm(url, Boolean.TRUE.equals(enabled));
    }
}
