/**
 * Spend budgets on the hot path: which budgets apply to a request, what it must hold against them, and what the
 * gateway remembers of their spend to keep deciding while Redis is down. Fails closed: budgets guard money.
 */
@NullMarked
package dev.tollgate.gateway.budget;

import org.jspecify.annotations.NullMarked;
