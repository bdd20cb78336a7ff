/**
 * The exact response cache: answers stored in Redis per tenant under a hash of the normalised request, replayed
 * without calling a provider, and purged on a {@code cache} change announcement. Fails open: a cache that cannot be
 * read or written only means the request goes to its provider.
 */
@NullMarked
package dev.tollgate.gateway.cache;

import org.jspecify.annotations.NullMarked;
