package dev.tollgate.admin.alert;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * How long a delivery waits after a failed attempt: the configured schedule (10 s, 30 s, 2 min, 10 min, 1 h, 6 h by
 * default), its last step repeating, each wait moved randomly by up to {@code jitter} of itself so that webhooks
 * which failed together are not retried together.
 */
@Component
class RetrySchedule {

    private final List<Duration> steps;
    private final double jitter;

    RetrySchedule(AlertProperties properties) {
        this.steps = List.copyOf(properties.retrySchedule());
        this.jitter = properties.jitter();
    }

    /** The wait after attempt number {@code attempts} (1-based) failed. */
    Duration waitAfter(int attempts) {
        Duration base = steps.get(Math.min(Math.max(attempts, 1), steps.size()) - 1);
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
