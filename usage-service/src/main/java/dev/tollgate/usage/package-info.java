/**
 * The usage ledger: token-accounting events from the gateway, kept in its own Postgres schema, and the chargeback
 * reports built from them.
 */
@NullMarked
package dev.tollgate.usage;

import org.jspecify.annotations.NullMarked;
