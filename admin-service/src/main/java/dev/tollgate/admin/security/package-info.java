/**
 * Who may use the REST API and the console: admin users, their hashed API tokens, console sign-in with sessions and
 * CSRF, roles and tenant scoping.
 */
@NullMarked
package dev.tollgate.admin.security;

import org.jspecify.annotations.NullMarked;
