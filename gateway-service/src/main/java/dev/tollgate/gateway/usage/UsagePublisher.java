package dev.tollgate.gateway.usage;

import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.redis.BlockingRedis.HashStamp;
import dev.tollgate.gateway.redis.ScriptCall;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends events to the usage stream, falling back to the local spool when Redis fails or is slower than
 * {@code publish-timeout}. Never fails: an event is published, spooled, or (spool full) dropped and counted. An
 * {@code XADD} that timed out here may still have reached Redis, so the spooled copy can arrive twice, with the same
 * {@code event_id}.
 */
@Component
class UsagePublisher {

    private static final Logger log = LoggerFactory.getLogger(UsagePublisher.class);

    private final BlockingRedis redis;
    private final UsageSpool spool;
    private final UsageMetrics metrics;
    private final UsageProperties properties;
    private final KeyLastUse lastUse;

    UsagePublisher(
            BlockingRedis redis,
            UsageSpool spool,
            UsageMetrics metrics,
            UsageProperties properties,
            KeyLastUse lastUse) {
        this.redis = redis;
        this.spool = spool;
        this.metrics = metrics;
        this.properties = properties;
        this.lastUse = lastUse;
    }

    /**
     * Publishes {@code event} once subscribed. The write is detached from its subscriber: it runs to the end even if
     * the subscriber cancels (a client going away must not lose the event of its own request).
     */
    Mono<Void> publish(UsageRecorded event, List<ScriptCall> settles) {
        // toFuture() subscribes now; fromFuture(…, true) does not cancel that future when its own subscriber cancels.
        return Mono.defer(
                () -> Mono.fromFuture(written(event, event.toFields(), settles).toFuture(), true));
    }

    Mono<Void> append(Map<String, String> fields) {
        return redis.append(UsageKeys.EVENTS_STREAM, fields)
                .timeout(properties.publishTimeout())
                .then();
    }

    private Mono<Void> written(UsageRecorded event, Map<String, String> fields, List<ScriptCall> settles) {
        return appendAndSettle(event, fields, settles)
                .timeout(properties.publishTimeout())
                .then()
                .doOnSuccess(done -> metrics.published())
                .onErrorResume(failure -> spooled(fields, failure));
    }

    // One round trip: the event, the settles of what admission held, and the key's last use (at most once a minute
    // per key). A spooled event's settles are lost with the outage; holds expire and the usage service's
    // reconciliation restores the spend from its ledger.
    private Mono<String> appendAndSettle(UsageRecorded event, Map<String, String> fields, List<ScriptCall> settles) {
        HashStamp stamp = lastUse.due(event.keyId(), System.currentTimeMillis())
                ? new HashStamp(
                        KeyLastUse.HASH, event.keyId(), event.timestamp().toString())
                : null;
        if (stamp == null && settles.isEmpty()) {
            return redis.append(UsageKeys.EVENTS_STREAM, fields);
        }
        return redis.appendWith(UsageKeys.EVENTS_STREAM, fields, settles, stamp);
    }

    private Mono<Void> spooled(Map<String, String> fields, Throwable failure) {
        log.warn("usage event {} spooled: Redis failed ({})", fields.get("event_id"), failure.toString());
        return spool.append(fields)
                .doOnNext(kept -> countSpooled(kept))
                .onErrorResume(broken -> dropped(fields, broken))
                .then();
    }

    private void countSpooled(boolean kept) {
        if (kept) {
            metrics.spooled();
        }
    }

    private Mono<Boolean> dropped(Map<String, String> fields, Throwable broken) {
        log.error("USAGE EVENT DROPPED: event {} could not be spooled", fields.get("event_id"), broken);
        metrics.dropped();
        return Mono.just(false);
    }
}
