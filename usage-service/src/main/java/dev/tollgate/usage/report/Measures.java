package dev.tollgate.usage.report;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a group of requests used and cost. {@code cost} is exact (the ledger's numeric(20,10)) and covers priced
 * requests only; {@code unpricedRequests} says how many are missing from it.
 */
record Measures(
        long requests,
        long unpricedRequests,
        long promptTokens,
        long completionTokens,
        long cachedTokens,
        long reasoningTokens,
        BigDecimal cost) {

    /** Fixed fractional digits of every printed amount: the ledger's scale, so printing never rounds. */
    static final int SCALE = 10;

    static final Measures ZERO = new Measures(0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

    Measures plus(Measures other) {
        return new Measures(
                requests + other.requests,
                unpricedRequests + other.unpricedRequests,
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                cachedTokens + other.cachedTokens,
                reasoningTokens + other.reasoningTokens,
                cost.add(other.cost));
    }

    /** {@link #cost} at {@link #SCALE} digits, as printed; exact, since no stored amount has more. */
    String costText() {
        return cost.setScale(SCALE).toPlainString();
    }

    /** Reads the seven columns of {@link ReportSource#measures()} starting at {@code first}. */
    static Measures read(Readable row, int first) {
        return new Measures(
                number(row, first),
                number(row, first + 1),
                number(row, first + 2),
                number(row, first + 3),
                number(row, first + 4),
                number(row, first + 5),
                // Scale fixed here, so equal sums compare equal whichever source (or empty coalesce) produced them.
                Objects.requireNonNull(row.get(first + 6, BigDecimal.class)).setScale(SCALE));
    }

    private static long number(Readable row, int index) {
        Long value = row.get(index, Long.class);
        return value == null ? 0 : value;
    }
}
