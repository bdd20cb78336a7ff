package dev.tollgate.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks outages of the shared limiter: one WARN when decisions turn local, one INFO when they are shared again (never
 * a line per request), and {@code tollgate.ratelimit.degraded} counting each request decided locally.
 */
public final class RateLimitDegradation {

    static final String METRIC = "tollgate.ratelimit.degraded";

    private static final Logger log = LoggerFactory.getLogger(RateLimitDegradation.class);

    private final AtomicBoolean degraded = new AtomicBoolean();
    private final Counter decidedLocally;
    private final int instances;

    public RateLimitDegradation(MeterRegistry registry, int instances) {
        this.decidedLocally = Counter.builder(METRIC)
                .description("Requests whose rate limits were decided by this instance alone because Redis failed")
                .register(registry);
        this.instances = instances;
    }

    public void failed(Throwable failure) {
        decidedLocally.increment();
        if (degraded.compareAndSet(false, true)) {
            log.warn(
                    "rate limits degraded: Redis failed ({}); failing open to local limits (1/{} of each key's and tenant's)",
                    failure.toString(),
                    instances);
        }
    }

    public void recovered() {
        if (degraded.get() && degraded.compareAndSet(true, false)) {
            log.info("rate limits shared through Redis again");
        }
    }
}
