package dev.tollgate.usage.report;

import static dev.tollgate.usage.TestEvents.event;

import dev.tollgate.model.usage.UsageRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The small fixed data set behind the golden files: January 2031, two tenants of their own (no other test writes
 * 2031), text that spreadsheets and CSV parsers trip over, sub-cent costs and an unpriced request.
 */
final class GoldenData {

    static final String TENANT_A = "0a000000-0000-4000-8000-000000000001";
    static final String TENANT_B = "0b000000-0000-4000-8000-000000000002";
    static final String KEY_A = "1a000000-0000-4000-8000-000000000001";
    static final String KEY_B = "1b000000-0000-4000-8000-000000000002";
    static final String CENTER = "Forschung & Entwicklung, Zürich";
    static final String JOSE = "José \"JJ\" Müller";
    static final String PERIOD = "from=2031-01-01&to=2031-02-01";

    private GoldenData() {}

    static List<UsageRecorded> events() {
        return List.of(
                event(
                        TENANT_A,
                        KEY_A,
                        at("2031-01-05T10:00:00Z"),
                        usd("0.0000012345"),
                        JOSE,
                        "gpt-4o-mini",
                        CENTER,
                        Map.of("team", "search")),
                event(
                        TENANT_A,
                        KEY_A,
                        at("2031-01-05T11:30:00Z"),
                        usd("0.0001959750"),
                        JOSE,
                        "gpt-4o-mini",
                        CENTER,
                        Map.of("team", "search")),
                event(
                        TENANT_A,
                        KEY_A,
                        at("2031-01-20T23:59:59Z"),
                        null,
                        "=HYPERLINK(\"http://x\")",
                        "gpt-4o-mini",
                        CENTER,
                        Map.of()),
                event(
                        TENANT_A,
                        KEY_A,
                        at("2031-01-21T08:00:00Z"),
                        usd("2.5"),
                        "line\nbreak",
                        "o1",
                        CENTER,
                        Map.of("team", "ml,ops")),
                event(TENANT_B, KEY_B, at("2031-01-31T23:30:00Z"), usd("1.5"), null, "claude-3", null, Map.of()),
                // Outside the period: to is exclusive, from inclusive.
                event(TENANT_B, KEY_B, at("2031-02-01T00:00:00Z"), usd("100"), null, "claude-3", null, Map.of()),
                event(TENANT_A, KEY_A, at("2030-12-31T23:59:59Z"), usd("100"), JOSE, "gpt-4o-mini", CENTER, Map.of()));
    }

    static void remove(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            jdbc.update("delete from " + table + " where tenant_id in (?::uuid, ?::uuid)", TENANT_A, TENANT_B);
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}
