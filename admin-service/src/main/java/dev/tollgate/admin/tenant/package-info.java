/** Tenants: the unit that keys, budgets and chargeback belong to. */
@NullMarked
package dev.tollgate.admin.tenant;

import org.jspecify.annotations.NullMarked;
