package dev.tollgate.model.usage;

/**
 * The Redis layout of usage events.
 *
 * <pre>
 * tollgate:usage:events   stream; one entry per request, fields as {@link UsageRecorded#toFields()}
 * </pre>
 *
 * <p>The gateway only appends ({@code XADD}, no trimming, so nothing unacknowledged is ever dropped); the usage service
 * reads it with a consumer group (never trimming it, for now) and deduplicates by {@code event_id}, because an
 * event may arrive twice (a gateway crash between {@code XADD} and clearing its local spool resends it).
 */
public final class UsageKeys {

    public static final String EVENTS_STREAM = "tollgate:usage:events";

    private UsageKeys() {}
}
