/** Who may call the REST API: admin users, their hashed API tokens, roles and tenant scoping. */
@NullMarked
package dev.tollgate.admin.security;

import org.jspecify.annotations.NullMarked;
