package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The usage service's cache report: how the response cache served each tenant, and the sum. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CacheReport(List<Row> rows, Row totals) {

    /**
     * @param tenant the tenant's id; {@code null} on the totals
     * @param hitRatio {@code (hits + semantic hits) / requests} as a 4-decimal string
     * @param saved exact USD, 10 decimals, as a string
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            @Nullable String tenant,
            long requests,
            long hits,
            @JsonProperty("semantic_hits") long semanticHits,
            @JsonProperty("hit_ratio") String hitRatio,
            String saved) {

        /** The hit ratio as a percentage with one decimal, for people. */
        public String percent() {
            return new java.math.BigDecimal(hitRatio).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN)
                    + "%";
        }
    }
}
