package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.CacheForm;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.ModelForm.FallbackForm;
import dev.tollgate.admin.route.ModelForm.RetryForm;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model's routing, as put to {@code PUT /api/v1/models/{id}}: the whole of it, so what is left out goes back to its
 * default (strategy {@code priority}, the gateway's retries and cache settings, no fallbacks). Deployments with an
 * {@code id} keep it, those without are created, and the model's deployments left out are deleted.
 *
 * @param name optional; when sent it must be the model's name, which never changes
 */
record ModelUpdate(
        @Nullable String name,
        @Nullable String strategy,
        @NotEmpty @Size(max = 20) @Nullable List<@Valid @NotNull DeploymentForm> deployments,
        @Valid @Nullable RetryForm retry,
        @Size(max = 10) @Nullable List<@Valid @NotNull FallbackForm> fallbacks,
        @Valid @Nullable CacheForm cache) {

    RouteSpec spec() {
        return RouteSpec.of(strategy, deployments, retry, fallbacks, cache);
    }
}
