package dev.tollgate.usage.report;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one report request selects.
 *
 * @param period the days covered
 * @param tenant the one tenant to include, or {@code null} for all (already narrowed to what the caller may see)
 */
record ReportScope(ReportPeriod period, @Nullable UUID tenant) {}
