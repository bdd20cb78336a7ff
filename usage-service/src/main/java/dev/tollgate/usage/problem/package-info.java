/**
 * The service's one exception type and its rendering as RFC 9457 {@code application/problem+json}: every refusal names
 * what was wrong and never carries a stack trace.
 */
@NullMarked
package dev.tollgate.usage.problem;

import org.jspecify.annotations.NullMarked;
