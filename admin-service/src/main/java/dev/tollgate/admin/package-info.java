/**
 * The control plane: tenants, API keys, budgets and prompts, kept in its own Postgres schema and published to the
 * gateway through Redis.
 */
@NullMarked
package dev.tollgate.admin;

import org.jspecify.annotations.NullMarked;
