package dev.tollgate.gateway.usage;

import dev.tollgate.gateway.redis.ScriptCall;
import dev.tollgate.model.usage.UsageRecorded;
import java.util.List;

/**
 * Something admission reserved for a request before its answer was known (the tokens its rate limits charged up
 * front, its budget holds), released exactly once with the request's usage event, however the request ended.
 */
@FunctionalInterface
public interface UsageHold {

    /** Nothing held. */
    UsageHold NONE = event -> List.of();

    /**
     * Settles the hold against what the request really used: local bookkeeping happens now, and the Redis writes it
     * needs are returned, to be sent in the same round trip as the event. Must not fail.
     */
    List<ScriptCall> release(UsageRecorded event);
}
