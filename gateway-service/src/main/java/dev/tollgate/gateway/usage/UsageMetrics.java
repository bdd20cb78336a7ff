package dev.tollgate.gateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code tollgate.usage.events} by {@code outcome} ({@code published}, {@code spooled}, {@code replayed},
 * {@code dropped}) and the {@code tollgate.usage.spool.size} gauge in bytes.
 */
@Component
class UsageMetrics {

    static final String EVENTS = "tollgate.usage.events";
    static final String SPOOL_SIZE = "tollgate.usage.spool.size";

    private final MeterRegistry registry;

    UsageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published() {
        counter("published").increment();
    }

    void spooled() {
        counter("spooled").increment();
    }

    void replayed(long count) {
        counter("replayed").increment(count);
    }

    void dropped() {
        counter("dropped").increment();
    }

    void spoolSize(Supplier<Number> bytes) {
        io.micrometer.core.instrument.Gauge.builder(SPOOL_SIZE, bytes)
                .description("Bytes of usage events waiting in the local spool for Redis")
                .baseUnit("bytes")
                .register(registry);
    }

    private Counter counter(String outcome) {
        return Counter.builder(EVENTS)
                .description("Usage events by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
