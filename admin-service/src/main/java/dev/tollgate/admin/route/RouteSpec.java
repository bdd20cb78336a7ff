package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.CacheForm;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.ModelForm.FallbackForm;
import dev.tollgate.admin.route.ModelForm.RetryForm;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a create and an update have in common: everything about a model's routing but its name, defaults applied.
 *
 * @param strategy as sent; {@link RouteRules} checks it is known
 * @param retry {@code null} for the gateway's default
 * @param cache {@code null} for the gateway's settings
 */
record RouteSpec(
        String strategy,
        List<DeploymentForm> deployments,
        @Nullable RetryPolicy retry,
        List<Fallback> fallbacks,
        @Nullable CacheSettings cache) {

    static RouteSpec of(
            @Nullable String strategy,
            @Nullable List<DeploymentForm> deployments,
            @Nullable RetryForm retry,
            @Nullable List<FallbackForm> fallbacks,
            @Nullable CacheForm cache) {
        return new RouteSpec(
                strategy == null || strategy.isBlank() ? ModelRoute.PRIORITY : strategy.strip(),
                deployments == null ? List.of() : List.copyOf(deployments),
                retry == null ? null : retry.toPolicy(),
                fallbacks == null
                        ? List.of()
                        : fallbacks.stream().map(FallbackForm::toFallback).toList(),
                cache == null ? null : cache.toSettings());
    }
}
