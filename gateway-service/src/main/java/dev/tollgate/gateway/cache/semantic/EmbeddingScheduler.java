package dev.tollgate.gateway.cache.semantic;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bounded scheduler that embeds prompts and searches the in-process index: CPU work of milliseconds that must
 * never run on a Netty event loop, and that must not take the Redis scheduler's threads either. Disposed on shutdown.
 */
final class EmbeddingScheduler implements AutoCloseable {

    private final Scheduler scheduler;

    EmbeddingScheduler(int threads) {
        this.scheduler = Schedulers.newBoundedElastic(threads, 1024, "embedding");
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
