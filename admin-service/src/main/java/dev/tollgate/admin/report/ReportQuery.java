package dev.tollgate.admin.report;

import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A checked report request: the period is at least a day, the time zone exists, and a tenant-scoped caller always
 * reports on their own tenant whatever the form said.
 *
 * @param groupBy the grouping columns as the usage service names them ({@code tag:<name>} for a tag)
 * @param tenant the tenant reported on; {@code null} for every tenant
 */
public record ReportQuery(
        LocalDate from,
        LocalDate to,
        String timezone,
        List<String> groupBy,
        @Nullable String tag,
        @Nullable UUID tenant) {

    /** The grouping columns the form offers, in the order the usage service expects them. */
    static final List<String> GROUPS = List.of("tenant", "cost_center", "key", "model", "provider", "end_user", "tag");

    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final int MAX_DAYS = 366;

    /** Whether the caller may open reports: platform admins and finance for every tenant, anyone for their own. */
    static boolean allowed(Caller caller) {
        return !caller.platformWide() || caller.has(Role.PLATFORM_ADMIN, Role.FINANCE);
    }

    /** Whether the caller sees reconciliation drift, which spans every tenant's budgets. */
    static boolean seesDrift(Caller caller) {
        return caller.platformWide() && caller.has(Role.PLATFORM_ADMIN, Role.FINANCE);
    }

    /** The query the form asks for, with this month in UTC by tenant as the defaults. */
    static ReportQuery of(Caller caller, ReportForm form, LocalDate today) {
        if (!allowed(caller)) {
            throw AdminException.forbidden("Reports need the role PLATFORM_ADMIN or FINANCE, or a tenant.");
        }
        LocalDate from = form.from() == null ? today.withDayOfMonth(1) : form.from();
        LocalDate to = form.to() == null ? from.withDayOfMonth(1).plusMonths(1) : form.to();
        String timezone = form.timezone() == null || form.timezone().isBlank()
                ? "UTC"
                : form.timezone().strip();
        String tag =
                form.tag() == null || form.tag().isBlank() ? null : form.tag().strip();
        check(from, to, timezone, tag, form.groupBy());
        UUID tenant = caller.platformWide() ? form.tenant() : caller.tenantId();
        return new ReportQuery(from, to, timezone, groups(form.groupBy(), tag), tag, tenant);
    }

    /** The checked groups as the form shows them ({@code tag} rather than {@code tag:<name>}). */
    public List<String> checked() {
        return groupBy.stream()
                .map(group -> group.startsWith("tag:") ? "tag" : group)
                .toList();
    }

    /** This query as the console's own query string, for the CSV link and redirects back to the page. */
    public String queryString() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance()
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("timezone", timezone);
        checked().forEach(group -> uri.queryParam("groupBy", group));
        if (tag != null) {
            uri.queryParam("tag", tag);
        }
        if (tenant != null) {
            uri.queryParam("tenant", tenant);
        }
        return uri.encode().build().getQuery();
    }

    /** The name of the downloaded file, which says the period it covers. */
    String csvFilename() {
        return "chargeback_" + from + "_" + to + ".csv";
    }

    private static void check(
            LocalDate from, LocalDate to, String timezone, @Nullable String tag, @Nullable List<String> groups) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!from.isBefore(to)) {
            errors.put("to", "must be after the first day");
        } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
            errors.put("to", "must be at most " + MAX_DAYS + " days after the first day");
        }
        if (!validZone(timezone)) {
            errors.put("timezone", "is not a time zone such as Europe/Berlin");
        }
        if (groups != null
                && groups.contains("tag")
                && (tag == null || !TAG.matcher(tag).matches())) {
            errors.put("tag", "must be a tag name: letters, digits, '_', '.' or '-'");
        }
        if (!errors.isEmpty()) {
            throw AdminException.invalid(errors);
        }
    }

    private static boolean validZone(String timezone) {
        try {
            ZoneId.of(timezone);
            return true;
        } catch (DateTimeException invalid) {
            return false;
        }
    }

    private static List<String> groups(@Nullable List<String> checked, @Nullable String tag) {
        List<String> groups = new ArrayList<>();
        for (String group : GROUPS) {
            if (checked != null && checked.contains(group)) {
                groups.add("tag".equals(group) ? "tag:" + tag : group);
            }
        }
        return groups.isEmpty() ? List.of("tenant") : List.copyOf(groups);
    }
}
