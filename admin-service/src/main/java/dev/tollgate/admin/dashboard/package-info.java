/** The console's home page: counts across tenants, keys, providers and models, and the latest audit entries. */
@NullMarked
package dev.tollgate.admin.dashboard;

import org.jspecify.annotations.NullMarked;
