package dev.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class DeploymentOrderTests {

    static final ProviderClient client = new NoClient();
    final DeploymentStats stats = new DeploymentStats(RoutingPropertiesTests.properties("k1", ""));
    final SplittableRandom random = new SplittableRandom(42);

    @Test
    void triesLowerPrioritiesFirstAndSharesEqualPrioritiesByWeight() {
        Target first = target("first", 1, 0);
        Target sameA = target("same-a", 3, 1);
        Target sameB = target("same-b", 1, 1);
        Route route = route(ModelRoute.PRIORITY, sameB, first, sameA);
        Map<String, Integer> secondPlace = new HashMap<>();

        for (int i = 0; i < 4000; i++) {
            List<Target> order = DeploymentOrder.of(route, target -> true, stats, target -> null, random);
            assertThat(order.getFirst()).isEqualTo(first);
            secondPlace.merge(order.get(1).key(), 1, Integer::sum);
        }

        // p = 3/4 over 4000 draws: sigma ~ 0.0068; four sigmas either side.
        assertThat(secondPlace.get("same-a") / 4000.0).isBetween(0.75 - 0.028, 0.75 + 0.028);
    }

    @Test
    void leavesUnavailableDeploymentsOutAndStandbysLast() {
        Target open = target("open", 5, 0);
        Target standby = target("standby", 0, 0);
        Target live = target("live", 1, 0);

        List<Target> order = DeploymentOrder.of(
                route(ModelRoute.WEIGHTED, standby, open, live),
                target -> target != open,
                stats,
                target -> null,
                random);

        assertThat(order).containsExactly(live, standby);
    }

    @Test
    void prefersTheLowestAverageTimeToFirstTokenAndTriesUnmeasuredDeploymentsFirst() {
        Target slow = target("slow", 1, 0);
        Target fast = target("fast", 1, 0);
        Target unmeasured = target("new", 1, 0);
        stats.firstToken(slow, Duration.ofMillis(900).toNanos());
        stats.firstToken(fast, Duration.ofMillis(120).toNanos());

        List<Target> order = DeploymentOrder.of(
                route(ModelRoute.LATENCY, slow, fast, unmeasured), t -> true, stats, t -> null, random);

        assertThat(order).containsExactly(unmeasured, fast, slow);
    }

    @Test
    void movesTheAverageTowardsNewSamples() {
        Target target = target("moving", 1, 0);

        stats.firstToken(target, 1000);
        stats.firstToken(target, 2000);

        assertThat(stats.averageFirstToken(target)).isEqualTo(0.2 * 2000 + 0.8 * 1000);
    }

    @Test
    void prefersTheDeploymentWithFewestRequestsInFlight() {
        Target busy = target("busy", 1, 0);
        Target idle = target("idle", 1, 0);
        stats.started(busy);
        stats.started(busy);
        stats.started(idle);

        List<Target> order =
                DeploymentOrder.of(route(ModelRoute.LEAST_BUSY, busy, idle), t -> true, stats, t -> null, random);
        stats.ended(busy);
        stats.ended(busy);

        assertThat(order).containsExactly(idle, busy);
        assertThat(stats.inFlight(busy)).isZero();
    }

    @Test
    void prefersTheCheapestPricedDeploymentAndUnpricedOnesLast() {
        Target pricey = target("pricey", 1, 0);
        Target cheap = target("cheap", 1, 0);
        Target unpriced = target("unpriced", 1, 0);
        Map<Target, BigDecimal> costs = Map.of(pricey, new BigDecimal("0.0150"), cheap, new BigDecimal("0.0004"));

        List<Target> order = DeploymentOrder.of(
                route(ModelRoute.COST, unpriced, pricey, cheap), t -> true, stats, costs::get, random);

        assertThat(order).containsExactly(cheap, pricey, unpriced);
    }

    private static Target target(String key, int weight, int priority) {
        return new Target(key, key, client, key, List.of(), weight, priority);
    }

    private static Route route(String strategy, Target... targets) {
        return new Route("model", "tollgate", strategy, List.of(targets), new RetryPolicy(2, 10, 100), List.of(), null);
    }

    /** Never called: ordering only looks at deployments. */
    private static final class NoClient implements ProviderClient {

        @Override
        public String provider() {
            return "none";
        }

        @Override
        public Mono<ChatCompletion> complete(ChatCompletionRequest request, CallContext context) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request, CallContext context) {
            return Flux.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<EmbeddingResponse> embed(EmbeddingRequest request, CallContext context) {
            return Mono.error(new UnsupportedOperationException());
        }
    }
}
