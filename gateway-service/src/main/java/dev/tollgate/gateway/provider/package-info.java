/** The provider port the rest of the gateway sees, the catalog that maps public model names to providers, and the one mapping of upstream failures to error codes. */
@NullMarked
package dev.tollgate.gateway.provider;

import org.jspecify.annotations.NullMarked;
