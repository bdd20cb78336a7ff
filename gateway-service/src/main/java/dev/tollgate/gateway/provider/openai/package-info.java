/** Adapter for OpenAI and any OpenAI-compatible upstream. */
@NullMarked
package dev.tollgate.gateway.provider.openai;

import org.jspecify.annotations.NullMarked;
