/** The Tollgate data plane: an OpenAI-compatible endpoint in front of the configured providers. */
@NullMarked
package dev.tollgate.gateway;

import org.jspecify.annotations.NullMarked;
