/**
 * Chargeback reports, line-item exports and daily series read from the ledger or, where they give the same answer,
 * from its rollups; streamed as CSV or JSON so a year of a large platform never sits in memory.
 */
@NullMarked
package dev.tollgate.usage.report;

import org.jspecify.annotations.NullMarked;
