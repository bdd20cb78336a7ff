package dev.tollgate.usage.report;

import java.util.List;

/**
 * Where a report reads from. The rollups hold the same sums as the ledger for every grouping they key on, but only in
 * whole UTC hours or days; the ledger answers everything else (tags, half-hour time zones).
 */
enum ReportSource {
    LEDGER("usage_ledger", "occurred_at", """
            count(*), count(*) filter (where not priced), coalesce(sum(prompt_tokens), 0)::bigint,
            coalesce(sum(completion_tokens), 0)::bigint, coalesce(sum(cached_tokens), 0)::bigint,
            coalesce(sum(reasoning_tokens), 0)::bigint, coalesce(sum(cost_usd), 0)"""),
    HOUR_ROLLUP("usage_rollup_hour", "bucket", ReportSource.ROLLUP_MEASURES),
    DAY_ROLLUP("usage_rollup_day", "bucket", ReportSource.ROLLUP_MEASURES);

    private static final String ROLLUP_MEASURES = """
            sum(requests)::bigint, sum(unpriced_requests)::bigint, sum(prompt_tokens)::bigint,
            sum(completion_tokens)::bigint, sum(cached_tokens)::bigint, sum(reasoning_tokens)::bigint,
            sum(cost_usd)""";

    private final String table;
    private final String time;
    private final String measures;

    ReportSource(String table, String time, String measures) {
        this.table = table;
        this.time = time;
        this.measures = measures;
    }

    String table() {
        return table;
    }

    /** The column a period filters on. */
    String time() {
        return time;
    }

    /** Seven columns: requests, unpriced requests, the four token counts, cost; see {@link Measures#read}. */
    String measures() {
        return measures;
    }

    /** The cheapest source that gives exactly the ledger's answer for this chargeback. */
    static ReportSource forChargeback(ReportPeriod period, List<Dimension> groups) {
        if (groups.stream().anyMatch(Dimension::isTag)) {
            return LEDGER;
        }
        long start = period.start().getEpochSecond();
        long end = period.end().getEpochSecond();
        if (start % 86_400 == 0 && end % 86_400 == 0) {
            return DAY_ROLLUP;
        }
        return start % 3_600 == 0 && end % 3_600 == 0 ? HOUR_ROLLUP : LEDGER;
    }

    /** The cheapest source that gives exactly the ledger's answer for per-day sums in the period's time zone. */
    static ReportSource forDaily(ReportPeriod period) {
        if (period.utcDays()) {
            return DAY_ROLLUP;
        }
        return period.wholeHourOffsets() ? HOUR_ROLLUP : LEDGER;
    }
}
