package dev.tollgate.gateway.usage;

import dev.tollgate.model.route.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Exact cost: tokens times the price version in force when the request started (the latest {@code effective_from}
 * not after it), per million tokens. {@code (prompt − cached − written) × input + cached × cached_input + written ×
 * cache_write + completion × output}; reasoning tokens are part of completion and priced as output; a missing cached
 * or cache-write price is the input price. All in {@link BigDecimal} without rounding: dividing by a million only
 * moves the decimal point.
 */
final class Prices {

    static final int MIN_SCALE = 10;
    private static final Charge UNPRICED = new Charge(null, null, false);
    private static final Charge FREE = new Charge(BigDecimal.ZERO.setScale(MIN_SCALE), Billing.MOCK, true);
    private static final Charge NOTHING = new Charge(BigDecimal.ZERO.setScale(MIN_SCALE), null, true);

    private Prices() {}

    /**
     * A cost and the price that made it.
     *
     * @param costUsd the cost, {@code null} when unpriced
     * @param priceVersion the {@code effective_from} of the price applied, or {@code mock}
     * @param priced whether the cost is known
     */
    record Charge(@Nullable BigDecimal costUsd, @Nullable String priceVersion, boolean priced) {}

    /** The charge for {@code tokens}; nothing used costs exactly zero, priced or not. */
    static Charge charge(@Nullable Billing billing, Instant startedAt, Tokens tokens) {
        if (tokens.prompt() == 0 && tokens.completion() == 0) {
            return NOTHING;
        }
        if (billing == null) {
            return UNPRICED;
        }
        Optional<PriceVersion> price = inForce(billing, startedAt);
        if (price.isPresent()) {
            return new Charge(
                    cost(price.get(), tokens), price.get().effectiveFrom().toString(), true);
        }
        return billing.free() ? FREE : UNPRICED;
    }

    static Optional<PriceVersion> inForce(Billing billing, Instant at) {
        return billing.prices().stream()
                .filter(price -> !price.effectiveFrom().isAfter(at))
                .max(Comparator.comparing(PriceVersion::effectiveFrom));
    }

    static BigDecimal cost(PriceVersion price, Tokens tokens) {
        BigDecimal perMillion = price.inputPerMtok()
                .multiply(BigDecimal.valueOf(tokens.prompt() - tokens.cached() - tokens.cacheWritten()))
                .add(cachedPrice(price).multiply(BigDecimal.valueOf(tokens.cached())))
                .add(cacheWritePrice(price).multiply(BigDecimal.valueOf(tokens.cacheWritten())))
                .add(price.outputPerMtok().multiply(BigDecimal.valueOf(tokens.completion())));
        return perMillion(perMillion);
    }

    /**
     * The most {@code prompt} tokens in and {@code completion} out can cost: every prompt token at the dearest prompt
     * price, since the provider, not the gateway, decides which of them are read from or written to its cache.
     */
    static BigDecimal worstCase(PriceVersion price, long prompt, long completion) {
        BigDecimal promptPrice = price.inputPerMtok().max(cachedPrice(price)).max(cacheWritePrice(price));
        return perMillion(promptPrice
                .multiply(BigDecimal.valueOf(prompt))
                .add(price.outputPerMtok().multiply(BigDecimal.valueOf(completion))));
    }

    private static BigDecimal cachedPrice(PriceVersion price) {
        return price.cachedInputPerMtok() != null ? price.cachedInputPerMtok() : price.inputPerMtok();
    }

    private static BigDecimal cacheWritePrice(PriceVersion price) {
        return price.cacheWritePerMtok() != null ? price.cacheWritePerMtok() : price.inputPerMtok();
    }

    private static BigDecimal perMillion(BigDecimal perMillion) {
        BigDecimal cost = perMillion.movePointLeft(6);
        return cost.scale() < MIN_SCALE ? cost.setScale(MIN_SCALE) : cost;
    }
}
