/** Adapter for Anthropic's Messages API, built on the mappings of package {@code anthropic}. */
@NullMarked
package dev.tollgate.gateway.provider.anthropic;

import org.jspecify.annotations.NullMarked;
