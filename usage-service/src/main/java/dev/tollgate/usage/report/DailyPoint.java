package dev.tollgate.usage.report;

import java.time.LocalDate;

/**
 * One group's usage on one local day.
 *
 * @param group the tenant id or model name
 * @param date the day in the report's time zone
 * @param measures what was used and spent that day
 */
record DailyPoint(String group, LocalDate date, Measures measures) {}
