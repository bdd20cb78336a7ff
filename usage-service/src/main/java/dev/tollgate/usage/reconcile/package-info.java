/**
 * Keeps the gateway's live budget counters in Redis honest against the ledger: raises a counter Redis lost or that
 * fell behind, records counters that ran ahead, and raises threshold alerts the ledger shows but nobody sent.
 */
@NullMarked
package dev.tollgate.usage.reconcile;

import org.jspecify.annotations.NullMarked;
