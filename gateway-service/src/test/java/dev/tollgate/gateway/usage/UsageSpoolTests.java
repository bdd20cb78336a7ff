package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import reactor.test.StepVerifier;

class UsageSpoolTests {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItKeptOldestFirstAndEmptiesOnceReplayed() throws Exception {
        UsageSpool spool = spool(DataSize.ofMegabytes(1));
        spool.append(Map.of("event_id", "a")).block();
        spool.append(Map.of("event_id", "b")).block();

        UsageSpool.Batch first = spool.oldest(1).block();
        spool.replayed(first).block();
        UsageSpool.Batch rest = spool.oldest(10).block();
        spool.replayed(rest).block();

        assertThat(first.events()).containsExactly(Map.of("event_id", "a"));
        assertThat(rest.events()).containsExactly(Map.of("event_id", "b"));
        assertThat(spool.pendingBytes()).isZero();
        spool.destroy();
    }

    @Test
    void dropsAndCountsEventsOnceFull() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageSpool spool = new UsageSpool(properties(DataSize.ofBytes(40)), new UsageMetrics(registry));

        spool.append(Map.of("event_id", "0123456789"))
                .as(StepVerifier::create)
                .expectNext(true)
                .verifyComplete();
        spool.append(Map.of("event_id", "0123456789"))
                .as(StepVerifier::create)
                .expectNext(false)
                .verifyComplete();

        assertThat(registry.counter("tollgate.usage.events", "outcome", "dropped")
                        .count())
                .isEqualTo(1);
        spool.destroy();
    }

    @Test
    void resumesAfterARestartFromWhereReplayStopped() throws Exception {
        UsageSpool spool = spool(DataSize.ofMegabytes(1));
        spool.append(Map.of("event_id", "a")).block();
        spool.append(Map.of("event_id", "b")).block();
        spool.replayed(spool.oldest(1).block()).block();
        spool.destroy();

        UsageSpool reopened = spool(DataSize.ofMegabytes(1));

        assertThat(reopened.oldest(10).block().events()).containsExactly(Map.of("event_id", "b"));
        reopened.destroy();
    }

    private UsageSpool spool(DataSize max) throws Exception {
        return new UsageSpool(properties(max), new UsageMetrics(new SimpleMeterRegistry()));
    }

    private UsageProperties properties(DataSize max) {
        return new UsageProperties(
                Duration.ofMillis(500), dir, max, 64, Duration.ofMillis(200), Duration.ofSeconds(5), 500);
    }
}
