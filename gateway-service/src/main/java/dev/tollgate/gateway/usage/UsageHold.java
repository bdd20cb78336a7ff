package dev.tollgate.gateway.usage;

import dev.tollgate.model.usage.UsageRecorded;
import reactor.core.publisher.Mono;

/**
 * Something an admission policy reserved for a request before its answer was known (such as the tokens a rate
 * limit charged up front), released once with the request's usage event, however the request ended.
 */
@FunctionalInterface
public interface UsageHold {

    /** Nothing held. */
    UsageHold NONE = event -> Mono.empty();

    /** Settles the hold against what the request really used. Must not fail: the event is already written. */
    Mono<Void> release(UsageRecorded event);
}
