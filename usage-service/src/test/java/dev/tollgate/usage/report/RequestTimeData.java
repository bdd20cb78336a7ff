package dev.tollgate.usage.report;

import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageRecorded.CacheUse;
import dev.tollgate.model.usage.UsageRecorded.GuardrailUse;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import dev.tollgate.model.usage.UsageStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fixed data behind the guardrail, cache and template reports: February 2032, two tenants of their own (no other
 * test writes 2032), with requests a guardrail decided on, cache hits and template versions under labels.
 */
final class RequestTimeData {

    static final String TENANT_C = "0c000000-0000-4000-8000-000000000003";
    static final String TENANT_D = "0d000000-0000-4000-8000-000000000004";
    static final String KEY_C = "1c000000-0000-4000-8000-000000000003";
    static final String KEY_D = "1d000000-0000-4000-8000-000000000004";
    static final String PERIOD = "from=2032-02-01&to=2032-03-01";
    static final String SUPPORT = "support-reply";

    private RequestTimeData() {}

    static List<UsageRecorded> events() {
        return List.of(
                request(TENANT_C, "2032-02-03T10:00:00Z", "0.0000012345", 100)
                        .template(SUPPORT, 1, "production")
                        .guardrail("redacted", "pii.email", "pii.phone")
                        .build(),
                request(TENANT_C, "2032-02-03T11:00:00Z", "0", 300)
                        .status(UsageStatus.REJECTED)
                        .template(SUPPORT, 2, "production")
                        .guardrail("blocked", "injection")
                        .build(),
                request(TENANT_C, "2032-02-04T09:00:00Z", "0", 5)
                        .template(SUPPORT, 2, "production")
                        .cache("hit", "0.0001959750")
                        .build(),
                request(TENANT_C, "2032-02-05T09:00:00Z", "0", 40)
                        .cache("semantic-hit", "0.0000000375")
                        .build(),
                request(TENANT_C, "2032-02-06T09:00:00Z", "2.5", 900)
                        .template(SUPPORT, 1, null)
                        .build(),
                request(TENANT_C, "2032-02-07T09:00:00Z", "0", 2)
                        .status(UsageStatus.REJECTED)
                        .build(),
                request(TENANT_D, "2032-02-10T12:00:00Z", "0", 7)
                        .template("other", 1, "production")
                        .cache("hit", "1.5")
                        .guardrail("logged", "pii.email")
                        .build(),
                // Outside the period: to is exclusive.
                request(TENANT_D, "2032-03-01T00:00:00Z", "9", 7)
                        .template(SUPPORT, 1, "production")
                        .cache("hit", "9")
                        .guardrail("blocked", "deny_list")
                        .build());
    }

    static void remove(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            jdbc.update("delete from " + table + " where tenant_id in (?::uuid, ?::uuid)", TENANT_C, TENANT_D);
        }
    }

    private static Event request(String tenant, String at, String cost, long latencyMs) {
        return new Event(tenant, Instant.parse(at), new BigDecimal(cost), latencyMs);
    }

    /** One usage event, with only what these reports read spelled out. */
    static final class Event {

        private final String tenant;
        private final Instant at;
        private final BigDecimal cost;
        private final long latencyMs;
        private UsageStatus status = UsageStatus.SUCCESS;
        private @Nullable TemplateUse template;
        private @Nullable CacheUse cache;
        private @Nullable GuardrailUse guardrail;

        Event(String tenant, Instant at, BigDecimal cost, long latencyMs) {
            this.tenant = tenant;
            this.at = at;
            this.cost = cost;
            this.latencyMs = latencyMs;
        }

        Event status(UsageStatus status) {
            this.status = status;
            return this;
        }

        Event template(String name, int version, @Nullable String label) {
            this.template = new TemplateUse(name, version, label);
            return this;
        }

        Event cache(String kind, String saved) {
            this.cache = new CacheUse(kind, new BigDecimal(saved));
            return this;
        }

        Event guardrail(String action, String... hits) {
            this.guardrail = new GuardrailUse(action, List.of(hits));
            return this;
        }

        UsageRecorded build() {
            boolean ok = status == UsageStatus.SUCCESS;
            return new UsageRecorded(
                    UsageRecorded.SCHEMA_VERSION,
                    UUID.randomUUID().toString(),
                    "req-" + at.getEpochSecond(),
                    at,
                    tenant,
                    tenant.equals(TENANT_C) ? KEY_C : KEY_D,
                    null,
                    Map.of(),
                    "gpt-4o-mini",
                    null,
                    "openai",
                    "gpt-4o-mini",
                    ok ? 1000 : 0,
                    ok ? 200 : 0,
                    0,
                    0,
                    0,
                    false,
                    cost,
                    "2026-01-01T00:00:00Z",
                    true,
                    status,
                    ok ? 200 : 400,
                    latencyMs,
                    null,
                    false,
                    0,
                    null,
                    ok ? null : "content_policy_violation",
                    template,
                    cache,
                    null,
                    guardrail);
        }
    }
}
