package dev.tollgate.admin.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the console writes times and limits; templates reach it as {@code fmt}. Times are UTC, like the logs. */
public final class ConsoleFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String NONE = "—";

    public String at(@Nullable Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "never" : DATE.format(instant);
    }

    /** A rate or token limit; absent means the key is not limited. */
    public String limit(@Nullable Integer limit) {
        return limit == null ? "unlimited" : String.format(Locale.ROOT, "%,d", limit);
    }

    public String text(@Nullable String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
