/**
 * Usage reports in the console: chargeback tables, CSV downloads, daily charts and reconciliation drift, read from the
 * usage service with a console token on the signed-in user's behalf.
 */
@NullMarked
package dev.tollgate.admin.report;

import org.jspecify.annotations.NullMarked;
