package dev.tollgate.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    @Test
    void waitsAccordingToTheScheduleWithinTheJitterAndRepeatsTheLastStep() {
        RetrySchedule schedule =
                new RetrySchedule(properties(List.of(Duration.ofSeconds(10), Duration.ofMinutes(2)), 0.2));

        for (int i = 0; i < 100; i++) {
            assertThat(schedule.waitAfter(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(schedule.waitAfter(2)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
            assertThat(schedule.waitAfter(9)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        }
    }

    @Test
    void waitsExactlyTheScheduleWithoutJitter() {
        RetrySchedule schedule =
                new RetrySchedule(properties(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30)), 0));

        assertThat(schedule.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.waitAfter(2)).isEqualTo(Duration.ofSeconds(30));
    }

    private static AlertProperties properties(List<Duration> steps, double jitter) {
        return new AlertProperties(
                true,
                "",
                Duration.ofSeconds(2),
                50,
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                20,
                Duration.ofMinutes(2),
                steps,
                jitter,
                12,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                false,
                false);
    }
}
