package dev.tollgate.admin.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetBarTests {

    @Test
    void roundsThePercentDownSoABudgetShowsFullOnlyWhenItIs() {
        BudgetBar bar = BudgetBar.of("2026-11-01", new BigDecimal("99.999"), BigDecimal.ZERO, new BigDecimal("100"));

        assertThat(bar.percent()).isEqualTo(99);
        assertThat(bar.state()).isEqualTo("warn");
    }

    @Test
    void capsTheBarButNotThePercentWhenOverspent() {
        BudgetBar bar = BudgetBar.of("lifetime", new BigDecimal("150"), new BigDecimal("1"), new BigDecimal("100"));

        assertThat(bar.percent()).isEqualTo(150);
        assertThat(bar.width()).isEqualTo(100);
        assertThat(bar.state()).isEqualTo("over");
        assertThat(bar.holds()).isTrue();
    }

    @Test
    void treatsAZeroLimitAsFull() {
        assertThat(BudgetBar.of("2026-11-01", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                        .state())
                .isEqualTo("over");
    }
}
