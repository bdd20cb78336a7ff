/** Spend budgets per tenant or key: their rules, API, console pages and what is published to the gateway. */
@NullMarked
package dev.tollgate.admin.budget;

import org.jspecify.annotations.NullMarked;
