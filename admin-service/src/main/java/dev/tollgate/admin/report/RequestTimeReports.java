package dev.tollgate.admin.report;

import dev.tollgate.admin.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The usage service's reports on request-time features (guardrail decisions, the response cache, prompt template
 * versions), read as the signed-in user like every report.
 */
@Component
public class RequestTimeReports {

    static final int EVENT_ROWS = 50;

    private final UsageClient usage;
    private final Clock clock = Clock.systemUTC();

    RequestTimeReports(UsageClient usage) {
        this.usage = usage;
    }

    Mono<GuardrailCounts> guardrails(Caller caller, ReportQuery query) {
        return usage.report(caller, "/api/v1/reports/guardrails", query, Map.of(), GuardrailCounts.class);
    }

    Mono<GuardrailEvents> guardrailEvents(Caller caller, ReportQuery query) {
        return usage.report(
                caller, "/api/v1/reports/guardrails/events", query, Map.of("limit", EVENT_ROWS), GuardrailEvents.class);
    }

    Mono<CacheReport> cache(Caller caller, ReportQuery query) {
        return usage.report(caller, "/api/v1/reports/cache", query, Map.of(), CacheReport.class);
    }

    /**
     * One template's versions compared over the period the form asks for (this month in UTC by default), for the
     * template's own tenant when it has one.
     *
     * @throws dev.tollgate.admin.system.AdminException 400 naming what is wrong with the form, 403 when the caller
     *     may not read reports
     */
    public Mono<TemplateComparison> templates(
            Caller caller, ReportForm form, String template, @Nullable UUID templateTenant) {
        ReportForm forTenant = new ReportForm(
                form.from(),
                form.to(),
                form.timezone(),
                null,
                null,
                templateTenant != null ? templateTenant : form.tenant());
        ReportQuery query = ReportQuery.of(caller, forTenant, LocalDate.now(clock));
        return usage.report(
                caller, "/api/v1/reports/templates", query, Map.of("template", template), TemplateComparison.class);
    }

    /** Why a report could not be read, worded for the page. */
    public static String failure(Throwable failure) {
        return UsageFailures.describe(failure);
    }
}
