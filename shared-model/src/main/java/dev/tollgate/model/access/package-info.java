/** Who may read usage and reports: API tokens and console tokens as the admin service publishes them. */
@NullMarked
package dev.tollgate.model.access;

import org.jspecify.annotations.NullMarked;
