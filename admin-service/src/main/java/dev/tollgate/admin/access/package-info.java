/**
 * Console tokens: short-lived ES256 JWTs the console signs to call another service (the usage service) on a signed-in
 * user's behalf, and the public key those services verify them with.
 */
@NullMarked
package dev.tollgate.admin.access;

import org.jspecify.annotations.NullMarked;
