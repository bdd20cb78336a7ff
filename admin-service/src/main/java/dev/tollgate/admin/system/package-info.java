/** Wiring of the service to its surroundings: settings for the infrastructure it connects to. */
@NullMarked
package dev.tollgate.admin.system;

import org.jspecify.annotations.NullMarked;
