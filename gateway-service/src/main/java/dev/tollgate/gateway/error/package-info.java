/** The gateway's one exception type and the vocabulary of error codes it carries. */
@NullMarked
package dev.tollgate.gateway.error;

import org.jspecify.annotations.NullMarked;
