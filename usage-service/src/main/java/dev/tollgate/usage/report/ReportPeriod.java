package dev.tollgate.usage.report;

import dev.tollgate.usage.problem.UsageException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days a report covers: local dates {@code from} (inclusive) to {@code to} (exclusive) in {@code zone}.
 *
 * @param from first day
 * @param to first day after the period
 * @param zone an IANA region id (or {@code UTC}); never a bare offset, whose sign Postgres reads the POSIX way round
 */
record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** The longest period one request may cover. */
    static final int MAX_DAYS = 366;

    static final ZoneId UTC = ZoneId.of("UTC");

    /**
     * Reads {@code from}, {@code to} and {@code timezone}. A missing {@code from} is the first day of the current
     * month; a missing {@code to}, the first day of the month after {@code from}.
     */
    static ReportPeriod parse(Optional<String> from, Optional<String> to, Optional<String> timezone, Clock clock) {
        ZoneId zone = timezone.map(ReportPeriod::zone).orElse(UTC);
        LocalDate start = from.map(value -> date("from", value))
                .orElseGet(() -> LocalDate.now(clock.withZone(zone)).withDayOfMonth(1));
        LocalDate end = to.map(value -> date("to", value))
                .orElseGet(() -> start.withDayOfMonth(1).plusMonths(1));
        if (!end.isAfter(start)) {
            throw UsageException.badParameter("to", "to must be after from (to is exclusive)");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw UsageException.badParameter("to", "A report covers at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(start, end, zone);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return to.atStartOfDay(zone).toInstant();
    }

    /** Whether the zone's offset is a whole number of hours throughout the period, so hour buckets map to days. */
    boolean wholeHourOffsets() {
        var rules = zone.getRules();
        Instant at = start();
        while (at != null && at.isBefore(end())) {
            if (rules.getOffset(at).getTotalSeconds() % 3600 != 0) {
                return false;
            }
            var next = rules.nextTransition(at);
            at = next == null ? null : next.getInstant();
        }
        return true;
    }

    /** Whether local days are UTC days throughout. */
    boolean utcDays() {
        return zone.getRules().isFixedOffset()
                && zone.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            throw UsageException.badParameter(parameter, parameter + " must be an ISO date such as 2026-11-01");
        }
    }

    private static ZoneId zone(String value) {
        ZoneId zone;
        try {
            zone = ZoneId.of(value);
        } catch (DateTimeException unknown) {
            throw UsageException.badParameter("timezone", "Unknown time zone " + value);
        }
        if (zone.normalized() instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return UTC;
            }
            throw UsageException.badParameter(
                    "timezone", "timezone must be an IANA time-zone id such as Europe/Berlin, not an offset");
        }
        return zone;
    }
}
