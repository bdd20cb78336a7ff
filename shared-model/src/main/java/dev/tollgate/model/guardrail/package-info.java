/** Guardrail policies as the admin service publishes them for the gateway, and their Redis layout. */
@NullMarked
package dev.tollgate.model.guardrail;

import org.jspecify.annotations.NullMarked;
