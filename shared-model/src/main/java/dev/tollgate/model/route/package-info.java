/** Public model names, their deployments and prices, and provider credentials sealed for the data plane. */
@NullMarked
package dev.tollgate.model.route;

import org.jspecify.annotations.NullMarked;
