package dev.tollgate.usage.reconcile;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The budget reconciliation job, bound from {@code tollgate.usage.reconcile}.
 *
 * @param enabled whether this instance takes part (only one instance runs a round at a time, whichever holds the lock)
 * @param interval pause between the end of one round and the start of the next
 * @param lockKey the Redis key of the lock that lets one instance at a time run a round
 * @param lockTtl how long the lock is held at most, so a crashed holder does not stop reconciliation for good
 * @param toleranceUsd how far a counter may run ahead of the ledger before it is recorded as drift: spend of
 *     requests whose events are still in the stream, not yet in the ledger
 */
@ConfigurationProperties("tollgate.usage.reconcile")
record ReconcileProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration interval,
        @DefaultValue("tollgate:usage:reconcile:lock") String lockKey,
        @DefaultValue("5m") Duration lockTtl,
        @DefaultValue("1.00") BigDecimal toleranceUsd) {}
