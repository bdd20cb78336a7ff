package dev.tollgate.admin.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A webhook after a change, with its signing secret when the change made one (creation, rotation). The secret is in
 * this answer only: it is stored sealed and never shown again.
 *
 * @param webhook the webhook
 * @param secret the new signing secret, or {@code null} when it did not change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookSaved(WebhookView webhook, @Nullable String secret) {

    @Override
    public String toString() {
        return "WebhookSaved[webhook=" + webhook + "]";
    }
}
