package dev.tollgate.admin.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.PricePlan.Add;
import dev.tollgate.admin.route.PricePlan.Refused;
import dev.tollgate.admin.route.PricePlan.Unchanged;
import dev.tollgate.model.route.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PricePlanTests {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00.123456Z");
    static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant NEXT_YEAR = Instant.parse("2027-01-01T00:00:00Z");
    static final List<PriceVersion> HISTORY = List.of(price(JUNE, "1", "2"), price(NEXT_YEAR, "3", "4"));

    @Test
    void theSamePricesAsThoseInForceChangeNothing() {
        assertThat(PricePlan.decide(sent("1.00", "2", null), HISTORY, NOW)).isInstanceOf(Unchanged.class);
    }

    @Test
    void otherPricesStartANewVersionNow() {
        assertThat(PricePlan.decide(sent("1.5", "2", null), HISTORY, NOW)).isEqualTo(new Add(price(NOW, "1.5", "2")));
    }

    @Test
    void aCachedInputPriceThatAppearsIsAChange() {
        DeploymentForm withCached = new DeploymentForm(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "m",
                1,
                0,
                BigDecimal.ONE,
                new BigDecimal("2"),
                BigDecimal.ONE,
                null,
                null);

        assertThat(PricePlan.decide(withCached, HISTORY, NOW)).isInstanceOf(Add.class);
    }

    @Test
    void aCacheWritePriceThatAppearsOrChangesIsAChangeAndKeptInTheNewVersion() {
        List<PriceVersion> withCacheWrite =
                List.of(new PriceVersion(JUNE, BigDecimal.ONE, new BigDecimal("2"), null, new BigDecimal("1.25")));

        assertThat(PricePlan.decide(cacheWrite("1.25"), HISTORY, NOW))
                .isEqualTo(new Add(
                        new PriceVersion(NOW, BigDecimal.ONE, new BigDecimal("2"), null, new BigDecimal("1.25"))));
        assertThat(PricePlan.decide(cacheWrite("1.250"), withCacheWrite, NOW)).isInstanceOf(Unchanged.class);
        assertThat(PricePlan.decide(cacheWrite("1.5"), withCacheWrite, NOW)).isInstanceOf(Add.class);
        assertThat(PricePlan.decide(sent("1", "2", null), withCacheWrite, NOW)).isInstanceOf(Add.class);
    }

    @Test
    void withOnlyAScheduledVersionThePricesShownAreThose() {
        List<PriceVersion> scheduled = List.of(price(NEXT_YEAR, "3", "4"));

        assertThat(PricePlan.decide(sent("3", "4", null), scheduled, NOW)).isInstanceOf(Unchanged.class);
        assertThat(PricePlan.shown(scheduled, NOW)).contains(scheduled.getFirst());
    }

    @Test
    void anExistingVersionSentBackUnchangedChangesNothingButOtherPricesForItAreRefused() {
        assertThat(PricePlan.decide(sent("1", "2", JUNE), HISTORY, NOW)).isInstanceOf(Unchanged.class);
        assertThat(PricePlan.decide(sent("3", "4", NEXT_YEAR), HISTORY, NOW)).isInstanceOf(Unchanged.class);
        assertThat(PricePlan.decide(sent("9", "9", JUNE), HISTORY, NOW)).isInstanceOf(Refused.class);
        assertThat(PricePlan.decide(sent("9", "9", NEXT_YEAR), HISTORY, NOW)).isInstanceOf(Refused.class);
    }

    @Test
    void aNewVersionMayBeScheduledButNeverBackdated() {
        Instant march = Instant.parse("2027-03-01T00:00:00Z");

        assertThat(PricePlan.decide(sent("5", "6", march), HISTORY, NOW)).isEqualTo(new Add(price(march, "5", "6")));
        assertThat(PricePlan.decide(sent("5", "6", Instant.parse("2026-07-01T00:00:00Z")), HISTORY, NOW))
                .isInstanceOf(Refused.class);
    }

    @Test
    void instantsAreComparedAtTheDatabasesMicroseconds() {
        List<PriceVersion> stored = List.of(price(Instant.parse("2026-06-01T00:00:00.000001Z"), "1", "2"));

        assertThat(PricePlan.decide(sent("1", "2", Instant.parse("2026-06-01T00:00:00.000001999Z")), stored, NOW))
                .isInstanceOf(Unchanged.class);
    }

    private static DeploymentForm sent(String input, String output, Instant effectiveFrom) {
        return new DeploymentForm(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "m",
                1,
                0,
                new BigDecimal(input),
                new BigDecimal(output),
                null,
                null,
                effectiveFrom);
    }

    private static DeploymentForm cacheWrite(String price) {
        return new DeploymentForm(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "m",
                1,
                0,
                BigDecimal.ONE,
                new BigDecimal("2"),
                null,
                new BigDecimal(price),
                null);
    }

    private static PriceVersion price(Instant from, String input, String output) {
        return new PriceVersion(from, new BigDecimal(input), new BigDecimal(output), null, null);
    }
}
