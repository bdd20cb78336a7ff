/** Public model names and the deployments, with prices, that serve them. */
@NullMarked
package dev.tollgate.admin.route;

import org.jspecify.annotations.NullMarked;
