package dev.tollgate.model.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BudgetWindowTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMonthStartsAtLocalMidnightOnTheFirst() {
        // 23:30 UTC on 30 November is already 1 December in Berlin.
        BudgetWindow window = BudgetWindow.of("monthly", BERLIN, Instant.parse("2026-11-30T23:30:00Z"));

        assertThat(window.id()).isEqualTo("2026-12-01");
        assertThat(window.start()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
    }

    @Test
    void theLastInstantOfAPeriodIsStillInIt() {
        BudgetWindow window = BudgetWindow.of("monthly", BERLIN, Instant.parse("2026-11-30T22:59:59.999Z"));

        assertThat(window.id()).isEqualTo("2026-11-01");
    }

    @Test
    void weeksStartOnMondayAndQuartersInJanuaryAprilJulyOctober() {
        Instant sunday = Instant.parse("2026-11-29T12:00:00Z");

        assertThat(BudgetWindow.of("weekly", ZoneId.of("UTC"), sunday).id()).isEqualTo("2026-11-23");
        assertThat(BudgetWindow.of("quarterly", ZoneId.of("UTC"), sunday).id()).isEqualTo("2026-10-01");
        assertThat(BudgetWindow.of("quarterly", ZoneId.of("UTC"), sunday).end())
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(BudgetWindow.of("daily", ZoneId.of("America/New_York"), sunday)
                        .id())
                .isEqualTo("2026-11-29");
    }

    @Test
    void aDayAcrossADaylightSavingChangeLastsTwentyThreeHours() {
        BudgetWindow window = BudgetWindow.of("daily", BERLIN, Instant.parse("2026-03-29T12:00:00Z"));

        assertThat(window.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void aLifetimeBudgetNeverResets() {
        BudgetWindow window = BudgetWindow.of("lifetime", BERLIN, Instant.now());

        assertThat(window.id()).isEqualTo("lifetime");
        assertThat(window.ends()).isFalse();
    }

    @Test
    void anUnknownPeriodIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BudgetWindow.of("yearly", BERLIN, Instant.now()));
    }
}
