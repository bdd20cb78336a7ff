package dev.tollgate.gateway.routing;

import dev.tollgate.model.route.ModelRoute;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The order in which a route's deployments are tried for one request, by the route's strategy. Every strategy starts
 * from a weighted random order (so equal candidates share traffic by weight), then sorts it stably by what the strategy
 * cares about; deployments whose circuit is open are left out. A weight of 0 keeps a deployment as a standby: it is
 * tried only after every weighted one.
 */
final class DeploymentOrder {

    private DeploymentOrder() {}

    /**
     * @param route the route
     * @param available which deployments may be called now
     * @param stats latencies and in-flight counts
     * @param cost what the request would cost on a deployment; {@code null} when it is unpriced
     * @param random the source of the weighted draw
     */
    static List<Target> of(
            Route route,
            Function<Target, Boolean> available,
            DeploymentStats stats,
            Function<Target, @Nullable BigDecimal> cost,
            RandomGenerator random) {
        List<Target> candidates =
                route.targets().stream().filter(available::apply).toList();
        List<Target> order = weighted(candidates, random);
        order.sort(comparator(route.strategy(), stats, cost, order));
        return order;
    }

    private static Comparator<Target> comparator(
            String strategy, DeploymentStats stats, Function<Target, @Nullable BigDecimal> cost, List<Target> drawn) {
        return switch (strategy) {
            case ModelRoute.WEIGHTED -> (a, b) -> 0;
            case ModelRoute.LATENCY -> Comparator.comparingDouble(stats::averageFirstToken);
            case ModelRoute.LEAST_BUSY -> Comparator.comparingInt(stats::inFlight);
            case ModelRoute.COST -> byCost(drawn, cost);
            default -> Comparator.comparingInt(Target::priority);
        };
    }

    // Unpriced deployments cost an unknown amount: they come after every priced one.
    private static Comparator<Target> byCost(List<Target> targets, Function<Target, @Nullable BigDecimal> cost) {
        Map<Target, @Nullable BigDecimal> costs = new java.util.HashMap<>();
        targets.forEach(target -> costs.put(target, cost.apply(target)));
        return Comparator.comparing(costs::get, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** A random order in which each next deployment is drawn with a probability proportional to its weight. */
    static List<Target> weighted(List<Target> targets, RandomGenerator random) {
        List<Target> left =
                new ArrayList<>(targets.stream().filter(t -> t.weight() > 0).toList());
        List<Target> order = new ArrayList<>(targets.size());
        while (!left.isEmpty()) {
            order.add(left.remove(draw(left, random)));
        }
        targets.stream().filter(t -> t.weight() <= 0).forEach(order::add);
        return order;
    }

    private static int draw(List<Target> targets, RandomGenerator random) {
        long total = targets.stream().mapToLong(Target::weight).sum();
        long point = random.nextLong(total);
        for (int i = 0; i < targets.size(); i++) {
            point -= targets.get(i).weight();
            if (point < 0) {
                return i;
            }
        }
        return targets.size() - 1;
    }
}
