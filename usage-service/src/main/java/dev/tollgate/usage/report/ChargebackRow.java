package dev.tollgate.usage.report;

import java.util.List;

/**
 * One line of a chargeback report.
 *
 * @param groups the values of the group columns, in {@code group_by} order; {@code ''} where the ledger has none
 * @param measures what the group used and cost
 */
record ChargebackRow(List<String> groups, Measures measures) {}
