package dev.tollgate.admin.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.route.ModelForm.CacheForm;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.ModelForm.FallbackForm;
import dev.tollgate.admin.route.ModelForm.RetryForm;
import dev.tollgate.admin.route.RouteFacts.StoredDeployment;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteRulesTests {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID EXISTING = UUID.randomUUID();
    static final RouteFacts FACTS = new RouteFacts(
            Map.of("claude", UUID.randomUUID(), "gemini", UUID.randomUUID()),
            Set.of(PROVIDER),
            Map.of(
                    EXISTING,
                    new StoredDeployment(
                            EXISTING,
                            PROVIDER,
                            List.of(new PriceVersion(
                                    NOW.minusSeconds(3600), BigDecimal.ONE, BigDecimal.TWO, null, null)))));

    @Test
    void theRulesKnowExactlyTheContractsStrategiesConditionsAndCacheModes() {
        assertThat(new HashSet<>(RouteRules.STRATEGIES)).isEqualTo(ModelRoute.STRATEGIES);
        assertThat(new HashSet<>(RouteRules.CONDITIONS)).isEqualTo(Fallback.CONDITIONS);
        assertThat(RouteRules.CACHE_MODES)
                .containsExactlyInAnyOrder(CacheSettings.DETERMINISTIC, CacheSettings.ALWAYS, CacheSettings.OFF);
    }

    @Test
    void aSoundRouteHasNoFaults() {
        RouteSpec spec = RouteSpec.of(
                "cost",
                List.of(deployment(null, 1), deployment(EXISTING, 0)),
                new RetryForm(2, 100, 100),
                List.of(new FallbackForm("claude", List.of("rate_limited", "timeout"))),
                new CacheForm("deterministic", 60, false, true, new BigDecimal("0.9")));

        assertThat(RouteRules.check(spec, "gpt", FACTS, NOW)).isEmpty();
    }

    @Test
    void namesEveryFaultByItsField() {
        UUID stranger = UUID.randomUUID();
        RouteSpec spec = RouteSpec.of(
                "round-robin",
                List.of(
                        new DeploymentForm(
                                stranger,
                                UUID.randomUUID(),
                                "m",
                                1,
                                0,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                null,
                                null,
                                null),
                        deployment(EXISTING, 1),
                        deployment(EXISTING, 1)),
                new RetryForm(3, 500, 100),
                List.of(
                        new FallbackForm("gpt", List.of("timeout")),
                        new FallbackForm("mistral", List.of("timeout")),
                        new FallbackForm("claude", List.of("overloaded", "timeout", "timeout")),
                        new FallbackForm("claude", List.of("timeout"))),
                new CacheForm("sometimes", null, null, null, null));

        assertThat(RouteRules.check(spec, "gpt", FACTS, NOW))
                .containsOnlyKeys(
                        "strategy",
                        "deployments[0].provider_id",
                        "deployments[0].id",
                        "deployments[2].id",
                        "retry.max_backoff_ms",
                        "fallbacks[0].model",
                        "fallbacks[1].model",
                        "fallbacks[2].on[0]",
                        "fallbacks[2].on[2]",
                        "fallbacks[3].model",
                        "cache.mode");
    }

    @Test
    void theWeightedStrategyNeedsOneDeploymentWithWeight() {
        RouteSpec zero = RouteSpec.of("weighted", List.of(deployment(null, 0), deployment(null, 0)), null, null, null);
        RouteSpec one = RouteSpec.of("weighted", List.of(deployment(null, 0), deployment(null, 1)), null, null, null);
        RouteSpec priority = RouteSpec.of("priority", List.of(deployment(null, 0)), null, null, null);

        assertThat(RouteRules.check(zero, "gpt", FACTS, NOW)).containsOnlyKeys("deployments");
        assertThat(RouteRules.check(one, "gpt", FACTS, NOW)).isEmpty();
        assertThat(RouteRules.check(priority, "gpt", FACTS, NOW)).isEmpty();
    }

    @Test
    void anExistingDeploymentKeepsItsProviderAndItsPriceHistory() {
        DeploymentForm moved = new DeploymentForm(
                EXISTING, UUID.randomUUID(), "m", 1, 0, BigDecimal.ONE, BigDecimal.TWO, null, null, null);
        DeploymentForm backdated = new DeploymentForm(
                EXISTING, PROVIDER, "m", 1, 0, BigDecimal.TEN, BigDecimal.TWO, null, null, NOW.minusSeconds(60));
        RouteFacts withBoth = new RouteFacts(FACTS.models(), Set.of(PROVIDER, moved.providerId()), FACTS.deployments());

        assertThat(RouteRules.check(RouteSpec.of(null, List.of(moved), null, null, null), "gpt", withBoth, NOW))
                .containsOnlyKeys("deployments[0].provider_id");
        assertThat(RouteRules.check(RouteSpec.of(null, List.of(backdated), null, null, null), "gpt", FACTS, NOW))
                .containsOnlyKeys("deployments[0].effective_from");
    }

    private static DeploymentForm deployment(UUID id, int weight) {
        return new DeploymentForm(id, PROVIDER, "m", weight, 0, BigDecimal.ONE, BigDecimal.TWO, null, null, null);
    }
}
