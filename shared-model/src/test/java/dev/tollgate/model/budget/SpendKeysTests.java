package dev.tollgate.model.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendKeysTests {

    @Test
    void costsRoundUpToTheNextNanoDollarNeverDown() {
        assertThat(SpendKeys.nanos(new BigDecimal("0.0001959750"))).isEqualTo(195_975);
        assertThat(SpendKeys.nanos(new BigDecimal("0.00000000001"))).isEqualTo(1);
        assertThat(SpendKeys.nanos(new BigDecimal("250.5"))).isEqualTo(250_500_000_000L);
        assertThat(SpendKeys.nanos(BigDecimal.ZERO)).isZero();
    }

    @Test
    void nanoDollarsReadBackAsExactDollars() {
        assertThat(SpendKeys.usd(250_500_000_000L)).isEqualByComparingTo("250.5");
        assertThat(SpendKeys.usd(1)).isEqualByComparingTo("0.000000001");
    }

    @Test
    void anAlertSurvivesTheRoundTripThroughStreamFields() {
        BudgetThresholdCrossed alert = new BudgetThresholdCrossed(
                BudgetThresholdCrossed.SCHEMA_VERSION,
                "b1",
                "tenant",
                "t1",
                "t1",
                "2026-11-01",
                Instant.parse("2026-10-31T23:00:00Z"),
                Instant.parse("2026-11-30T23:00:00Z"),
                80,
                new BigDecimal("100"),
                new BigDecimal("80.000000001"),
                Instant.parse("2026-11-25T10:00:00Z"),
                "gateway");

        assertThat(BudgetThresholdCrossed.fromFields(alert.toFields())).isEqualTo(alert);
        assertThat(alert.toFields()).containsEntry("alert_id", "b1:2026-11-01:80");
        assertThat(List.copyOf(alert.toFields().keySet())).startsWith("schema_version", "alert_id");
    }
}
