package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.openai.Usage;
import dev.tollgate.model.route.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricesTests {

    static final Instant CHANGE = Instant.parse("2026-03-01T00:00:00Z");
    static final PriceVersion OLD = new PriceVersion(
            Instant.parse("2025-01-01T00:00:00Z"),
            new BigDecimal("0.15"),
            new BigDecimal("0.60"),
            new BigDecimal("0.075"),
            null);
    static final PriceVersion NEW = new PriceVersion(CHANGE, new BigDecimal("2.50"), new BigDecimal("10"), null, null);
    static final Billing BILLING = new Billing("dep", "openai", "gpt-4o-mini", List.of(NEW, OLD));
    // Claude Sonnet's prices: $3 in, $15 out, $0.30 cache reads, $3.75 cache writes (5 minutes).
    static final PriceVersion SONNET = new PriceVersion(
            Instant.EPOCH, new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"), new BigDecimal("3.75"));
    static final Tokens TOKENS = new Tokens(1234, 89, 567, 0, 21, false);

    @Test
    void pricesCachedPromptTokensAtTheCachedRateAndReasoningAsOutput() {
        assertThat(Prices.cost(OLD, TOKENS)).isEqualByComparingTo("0.000195975").hasScaleOf(10);
    }

    @Test
    void pricesCacheWritesAtTheCacheWritePriceAndWithoutOneAtTheInputPrice() {
        PriceVersion noSurcharge = new PriceVersion(
                Instant.EPOCH, new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"), null);
        // 2,000 prompt tokens: 100 fresh, 400 read from the cache, 1,500 written to it; 50 out.
        Tokens tokens = new Tokens(2000, 50, 400, 1500, 0, false);

        // 100 × 3 + 400 × 0.30 + 1500 × 3.75 + 50 × 15 = 6795 per million
        assertThat(Prices.cost(SONNET, tokens)).isEqualTo(new BigDecimal("0.0067950000"));
        // 1600 × 3 + 400 × 0.30 + 50 × 15 = 5670 per million
        assertThat(Prices.cost(noSurcharge, tokens)).isEqualTo(new BigDecimal("0.0056700000"));
    }

    @Test
    void takesCacheWritesFromTheCountTheAnthropicAndBedrockAdaptersReport() {
        Usage usage = new Usage(
                2000,
                50,
                2050,
                new Usage.PromptTokensDetails(400, null),
                null,
                Map.of(Tokens.CACHE_WRITE_FIELD, 1500, "cache_read_input_tokens", 400));
        Usage overstated = new Usage(
                2000, 50, 2050, new Usage.PromptTokensDetails(400, null), null, Map.of(Tokens.CACHE_WRITE_FIELD, 9000));

        assertThat(Tokens.reported(usage, 0)).isEqualTo(new Tokens(2000, 50, 400, 1500, 0, false));
        assertThat(Tokens.reported(overstated, 0).cacheWritten()).isEqualTo(1600);
    }

    @Test
    void aWorstCaseCostsEveryPromptTokenAtTheDearestPromptPrice() {

        // 2000 × 3.75 + 1000 × 15 = 22500 per million; OLD has no surcharge: 2000 × 0.15 + 1000 × 0.60 = 900
        assertThat(Prices.worstCase(SONNET, 2000, 1000)).isEqualTo(new BigDecimal("0.0225000000"));
        assertThat(Prices.worstCase(OLD, 2000, 1000)).isEqualTo(new BigDecimal("0.0009000000"));
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
                new PriceVersion(Instant.EPOCH, new BigDecimal("0.0000001"), new BigDecimal("0.0000003"), null, null);

        assertThat(Prices.cost(tiny, Tokens.counted(1, 1))).isEqualTo(new BigDecimal("0.0000000000004"));
    }
}
