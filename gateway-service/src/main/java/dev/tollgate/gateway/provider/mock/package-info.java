/** The built-in offline provider: deterministic replies with real token counts, no network. */
@NullMarked
package dev.tollgate.gateway.provider.mock;

import org.jspecify.annotations.NullMarked;
