/** Seeds a fresh local database with a demo tenant, mock provider, routes and key. */
@NullMarked
package dev.tollgate.admin.demo;

import org.jspecify.annotations.NullMarked;
