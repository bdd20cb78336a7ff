package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.route.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricesTests {

    static final Instant CHANGE = Instant.parse("2026-03-01T00:00:00Z");
    static final PriceVersion OLD = new PriceVersion(
            Instant.parse("2025-01-01T00:00:00Z"),
            new BigDecimal("0.15"),
            new BigDecimal("0.60"),
            new BigDecimal("0.075"));
    static final PriceVersion NEW = new PriceVersion(CHANGE, new BigDecimal("2.50"), new BigDecimal("10"), null);
    static final Billing BILLING = new Billing("dep", "openai", "gpt-4o-mini", List.of(NEW, OLD));
    static final Tokens TOKENS = new Tokens(1234, 89, 567, 21, false);

    @Test
    void pricesCachedPromptTokensAtTheCachedRateAndReasoningAsOutput() {
        assertThat(Prices.cost(OLD, TOKENS)).isEqualByComparingTo("0.000195975").hasScaleOf(10);
    }

    @Test
    void usesTheVersionInForceAtTheInstantTheRequestStarted() {
        Prices.Charge before = Prices.charge(BILLING, CHANGE.minusMillis(1), TOKENS);
        Prices.Charge at = Prices.charge(BILLING, CHANGE, TOKENS);

        assertThat(before.priceVersion()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(at.priceVersion()).isEqualTo("2026-03-01T00:00:00Z");
        // no cached price: 1234 × 2.50 + 89 × 10 = 3975 per million
        assertThat(at.costUsd()).isEqualTo(new BigDecimal("0.0039750000"));
    }

    @Test
    void isUnpricedBeforeAnyVersionAndFreeOnlyForTheMock() {
        Instant early = Instant.parse("2000-01-01T00:00:00Z");

        assertThat(Prices.charge(BILLING, early, TOKENS).priced()).isFalse();
        assertThat(Prices.charge(BILLING, early, TOKENS).costUsd()).isNull();
        Prices.Charge mock = Prices.charge(new Billing(null, "mock", "mock-chat", List.of()), early, TOKENS);
        assertThat(mock.costUsd()).isZero();
        assertThat(mock.priceVersion()).isEqualTo("mock");
    }

    @Test
    void keepsEveryDigitOfTinyPrices() {
        PriceVersion tiny =
                new PriceVersion(Instant.EPOCH, new BigDecimal("0.0000001"), new BigDecimal("0.0000003"), null);

        assertThat(Prices.cost(tiny, Tokens.counted(1, 1))).isEqualTo(new BigDecimal("0.0000000000004"));
    }
}
