package dev.tollgate.usage.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the response cache served one tenant (or, summed, every tenant shown).
 *
 * @param tenant the tenant's id; {@code TOTAL} for the sum
 * @param requests requests answered, by a provider (status {@code success}) or by the cache
 * @param hits answered from the exact cache
 * @param semanticHits answered from the semantic cache
 * @param saved what the cached answers would have cost, exact, at {@link Measures#SCALE} digits
 */
record CacheRow(String tenant, long requests, long hits, long semanticHits, BigDecimal saved) {

    /** Fractional digits of the printed hit ratio. */
    static final int RATIO_SCALE = 4;

    static CacheRow total() {
        return new CacheRow(ChargebackDocument.TOTAL, 0, 0, 0, BigDecimal.ZERO.setScale(Measures.SCALE));
    }

    CacheRow plus(CacheRow other) {
        return new CacheRow(
                tenant,
                requests + other.requests,
                hits + other.hits,
                semanticHits + other.semanticHits,
                saved.add(other.saved));
    }

    /** {@code (hits + semanticHits) / requests}, rounded half-even to {@value #RATIO_SCALE} digits; 0 without requests. */
    String hitRatio() {
        if (requests == 0) {
            return BigDecimal.ZERO.setScale(RATIO_SCALE).toPlainString();
        }
        return BigDecimal.valueOf(hits + semanticHits)
                .divide(BigDecimal.valueOf(requests), RATIO_SCALE, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    /** {@link #saved} as printed: exact, since no stored amount has more digits. */
    String savedText() {
        return saved.setScale(Measures.SCALE).toPlainString();
    }
}
