/** Request, latency and time-to-first-token metrics with low-cardinality tags only. */
@NullMarked
package dev.tollgate.gateway.observability;

import org.jspecify.annotations.NullMarked;
