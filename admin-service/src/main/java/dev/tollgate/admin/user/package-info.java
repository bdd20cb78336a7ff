/** Admin users: creating them, changing their role, tenant and password, and disabling them. Platform admins only. */
@NullMarked
package dev.tollgate.admin.user;

import org.jspecify.annotations.NullMarked;
