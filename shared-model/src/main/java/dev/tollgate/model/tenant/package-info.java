/** Tenants as the control plane publishes them to the gateway. */
@NullMarked
package dev.tollgate.model.tenant;

import org.jspecify.annotations.NullMarked;
