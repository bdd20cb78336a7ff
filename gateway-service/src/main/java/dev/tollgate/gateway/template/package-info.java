/**
 * Prompt templates at request time: published templates cached in memory, {@code template:<name>[@label|@vN]}
 * resolved for the caller's tenant, variables checked and substituted, and the rendered request handed back to the
 * chat pipeline before routing. Fails closed: an uncached template cannot be rendered while Redis is down.
 */
@NullMarked
package dev.tollgate.gateway.template;

import org.jspecify.annotations.NullMarked;
