/**
 * Guardrail policies: their API, console pages and rules, kept in Postgres and published to Redis for the gateway.
 */
@NullMarked
package dev.tollgate.admin.guardrail;

import org.jspecify.annotations.NullMarked;
