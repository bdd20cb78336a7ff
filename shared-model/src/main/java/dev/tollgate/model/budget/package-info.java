/** Spend budgets as the control plane publishes them to the gateway. */
@NullMarked
package dev.tollgate.model.budget;

import org.jspecify.annotations.NullMarked;
