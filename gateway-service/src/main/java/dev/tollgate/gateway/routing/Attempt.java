package dev.tollgate.gateway.routing;

import reactor.core.publisher.Flux;

/**
 * One call to one deployment: reports its outcome to the deployment's health and statistics, and marks a failure
 * before the first item as an {@link AttemptFailed} — the only kind of failure another attempt may repair.
 *
 * @param <T> what the call delivers
 */
final class Attempt<T> {

    private final Target target;
    private final DeploymentHealth health;
    private final DeploymentStats stats;
    private final RoutingMetrics metrics;
    private final long started = System.nanoTime();
    // Written and read on the call's own signals, which Reactor delivers one at a time.
    private volatile boolean delivered;

    Attempt(Target target, DeploymentHealth health, DeploymentStats stats, RoutingMetrics metrics) {
        this.target = target;
        this.health = health;
        this.stats = stats;
        this.metrics = metrics;
    }

    Flux<T> run(Flux<T> call) {
        return Flux.defer(() -> {
                    stats.started(target);
                    return call;
                })
                .doOnNext(item -> delivered())
                .doOnComplete(this::succeeded)
                .doOnCancel(() -> health.released(target))
                .doFinally(signal -> stats.ended(target))
                .onErrorMap(this::failed);
    }

    private void delivered() {
        if (!delivered) {
            delivered = true;
            stats.firstToken(target, elapsed());
        }
    }

    private void succeeded() {
        health.succeeded(target, elapsed());
        metrics.attempt(target, "success");
    }

    private Throwable failed(Throwable failure) {
        FailureKind kind = FailureKind.of(failure);
        metrics.attempt(target, kind.name().toLowerCase(java.util.Locale.ROOT));
        if (kind == FailureKind.RATE_LIMITED) {
            health.coolDown(target, FailureKind.retryAfter(failure));
        } else if (kind.countsAgainstHealth()) {
            health.failed(target, elapsed(), failure);
        } else {
            health.succeeded(target, elapsed()); // it answered: the request, not the deployment, was at fault
        }
        return delivered ? failure : new AttemptFailed(failure, true);
    }

    private long elapsed() {
        return System.nanoTime() - started;
    }
}
