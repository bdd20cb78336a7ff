package dev.tollgate.usage.reconcile;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs a reconciliation round every {@code interval} on a thread of its own, never on a request thread. */
class ReconcileSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

    private final Reconciler reconciler;
    private final ReconcileProperties properties;
    private @Nullable ScheduledExecutorService executor;

    ReconcileSchedule(Reconciler reconciler, ReconcileProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("usage-reconcile").daemon(true).factory());
        long interval = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    // An exception escaping here would cancel every later round.
    private void round() {
        try {
            reconciler.reconcile(Instant.now());
        } catch (RuntimeException failed) {
            log.warn("Budget reconciliation round failed; next in {}", properties.interval(), failed);
        }
    }
}
