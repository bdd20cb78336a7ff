package dev.tollgate.usage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.usage.problem.UsageException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportPeriodTests {

    // 23:30 UTC on 30 November is already December in Berlin.
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheCurrentMonthInTheTimeZone() {
        ReportPeriod berlin =
                ReportPeriod.parse(Optional.empty(), Optional.empty(), Optional.of("Europe/Berlin"), CLOCK);
        ReportPeriod utc = ReportPeriod.parse(Optional.empty(), Optional.empty(), Optional.empty(), CLOCK);

        assertThat(berlin.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(berlin.to()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(utc.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(utc.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void startsDaysAtLocalMidnight() {
        ReportPeriod period = ReportPeriod.parse(
                Optional.of("2026-11-01"), Optional.of("2026-11-02"), Optional.of("Asia/Kolkata"), CLOCK);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-10-31T18:30:00Z"));
        assertThat(period.wholeHourOffsets()).isFalse();
        assertThat(period.utcDays()).isFalse();
    }

    @Test
    void refusesOffsetsWhosePostgresSignWouldBeReversed() {
        assertThatThrownBy(() -> ReportPeriod.parse(Optional.empty(), Optional.empty(), Optional.of("+05:30"), CLOCK))
                .isInstanceOfSatisfying(
                        UsageException.class,
                        refused -> assertThat(refused.parameter()).isEqualTo("timezone"));
    }

    @Test
    void acceptsZAsUtc() {
        ReportPeriod period = ReportPeriod.parse(Optional.empty(), Optional.empty(), Optional.of("Z"), CLOCK);

        assertThat(period.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(period.utcDays()).isTrue();
    }
}
