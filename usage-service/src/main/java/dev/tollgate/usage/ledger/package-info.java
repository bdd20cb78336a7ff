/**
 * The append-only usage ledger in Postgres and the hourly and daily rollups kept in step with it, written over JDBC
 * by the ingest thread.
 */
@NullMarked
package dev.tollgate.usage.ledger;

import org.jspecify.annotations.NullMarked;
