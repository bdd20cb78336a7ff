package dev.tollgate.admin.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One audit row as the console lists it; the before and after documents stay in the database. */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String targetType,
        @Nullable String targetId,
        @Nullable String remoteAddress) {}
