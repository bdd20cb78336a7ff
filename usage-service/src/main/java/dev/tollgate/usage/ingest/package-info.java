/**
 * Reads the gateway's usage event stream with a Redis consumer group on one dedicated thread, writes each batch to
 * the ledger, acknowledges it only after the write committed, and dead-letters what cannot be written.
 */
@NullMarked
package dev.tollgate.usage.ingest;

import org.jspecify.annotations.NullMarked;
