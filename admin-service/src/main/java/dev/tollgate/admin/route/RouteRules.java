package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.PricePlan.Refused;
import dev.tollgate.admin.route.RouteFacts.StoredDeployment;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules a model's routing must follow beyond the shape of each field (which bean validation checks): known
 * strategies and fallback conditions from the shared contract, and every rule that spans fields or needs the
 * database's facts. Answers every broken rule at once, by snake_case field path, in the order of the request.
 */
final class RouteRules {

    /** In the order the documentation lists them. */
    static final List<String> STRATEGIES = List.of(
            ModelRoute.PRIORITY, ModelRoute.WEIGHTED, ModelRoute.LATENCY, ModelRoute.LEAST_BUSY, ModelRoute.COST);

    static final List<String> CONDITIONS = List.of(
            Fallback.RATE_LIMITED,
            Fallback.CONTEXT_WINDOW_EXCEEDED,
            Fallback.CONTENT_FILTER,
            Fallback.TIMEOUT,
            Fallback.UNAVAILABLE);

    static final List<String> CACHE_MODES =
            List.of(CacheSettings.DETERMINISTIC, CacheSettings.ALWAYS, CacheSettings.OFF);

    private RouteRules() {}

    /**
     * @param self the model's public name
     * @param now the instant new price versions would start at
     */
    static Map<String, String> check(RouteSpec spec, String self, RouteFacts facts, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!STRATEGIES.contains(spec.strategy())) {
            errors.put("strategy", "must be one of " + String.join(", ", STRATEGIES));
        }
        deployments(spec, facts, now, errors);
        retry(spec.retry(), errors);
        fallbacks(spec.fallbacks(), self, facts, errors);
        cache(spec.cache(), errors);
        return errors;
    }

    private static void deployments(RouteSpec spec, RouteFacts facts, Instant now, Map<String, String> errors) {
        List<DeploymentForm> deployments = spec.deployments();
        boolean anyWeight = deployments.stream().anyMatch(deployment -> deployment.weightOrDefault() > 0);
        if (ModelRoute.WEIGHTED.equals(spec.strategy()) && !deployments.isEmpty() && !anyWeight) {
            errors.put("deployments", "need a weight above 0 on at least one deployment under the weighted strategy");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < deployments.size(); i++) {
            deployment(deployments.get(i), "deployments[" + i + "].", facts, now, seen, errors);
        }
    }

    private static void deployment(
            DeploymentForm deployment,
            String path,
            RouteFacts facts,
            Instant now,
            Set<UUID> seen,
            Map<String, String> errors) {
        if (deployment.providerId() != null && !facts.providers().contains(deployment.providerId())) {
            errors.put(path + "provider_id", "is not an existing provider");
        }
        UUID id = deployment.id();
        if (id == null) {
            return;
        }
        StoredDeployment stored = facts.deployments().get(id);
        if (!seen.add(id)) {
            errors.put(path + "id", "appears twice: each deployment is listed once");
        } else if (stored == null) {
            errors.put(path + "id", "is not one of this model's deployments (leave it out to add a new deployment)");
        } else if (!stored.providerId().equals(deployment.providerId())) {
            errors.put(
                    path + "provider_id",
                    "cannot change for an existing deployment: leave its id out to add a new deployment instead");
        } else if (PricePlan.decide(deployment, stored.prices(), now) instanceof Refused refused) {
            errors.put(path + "effective_from", refused.message());
        }
    }

    private static void retry(@Nullable RetryPolicy retry, Map<String, String> errors) {
        if (retry == null || retry.backoffMs() == null || retry.maxBackoffMs() == null) {
            return;
        }
        if (retry.maxBackoffMs() < retry.backoffMs()) {
            errors.put("retry.max_backoff_ms", "must be at least backoff_ms (" + retry.backoffMs() + ")");
        }
    }

    private static void fallbacks(List<Fallback> fallbacks, String self, RouteFacts facts, Map<String, String> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fallbacks.size(); i++) {
            Fallback fallback = fallbacks.get(i);
            String path = "fallbacks[" + i + "].";
            if (fallback.model().equals(self)) {
                errors.put(path + "model", "cannot be the model itself");
            } else if (!seen.add(fallback.model())) {
                errors.put(path + "model", "is listed twice: each model is a fallback once");
            } else if (!facts.models().containsKey(fallback.model())) {
                errors.put(path + "model", "is not an existing model");
            }
            conditions(fallback.on(), path + "on", errors);
        }
    }

    private static void conditions(List<String> on, String path, Map<String, String> errors) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < on.size(); j++) {
            String condition = on.get(j);
            if (!CONDITIONS.contains(condition)) {
                errors.put(path + "[" + j + "]", "must be one of " + String.join(", ", CONDITIONS));
            } else if (!seen.add(condition)) {
                errors.put(path + "[" + j + "]", "is listed twice");
            }
        }
    }

    private static void cache(@Nullable CacheSettings cache, Map<String, String> errors) {
        if (cache != null && cache.mode() != null && !CACHE_MODES.contains(cache.mode())) {
            errors.put("cache.mode", "must be one of " + String.join(", ", CACHE_MODES));
        }
    }
}
