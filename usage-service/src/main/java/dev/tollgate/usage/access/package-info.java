/**
 * Who is calling: bearer API tokens and console tokens as the admin service publishes them in Redis, and what each
 * role may see. The only public types are {@link dev.tollgate.usage.access.Caller} and its lookup.
 */
@NullMarked
package dev.tollgate.usage.access;

import org.jspecify.annotations.NullMarked;
