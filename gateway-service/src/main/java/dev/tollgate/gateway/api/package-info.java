/** The OpenAI-compatible HTTP surface: routes, handlers, request ids and the one renderer of OpenAI's error body. Nothing depends on it. */
@NullMarked
package dev.tollgate.gateway.api;

import org.jspecify.annotations.NullMarked;
