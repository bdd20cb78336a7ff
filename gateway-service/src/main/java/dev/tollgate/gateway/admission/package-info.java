/**
 * Admission: the rate limits of a request's key and tenant and the holds on its budgets, decided together in one
 * Redis round trip, and settled in the round trip that writes its usage event.
 */
@NullMarked
package dev.tollgate.gateway.admission;

import org.jspecify.annotations.NullMarked;
