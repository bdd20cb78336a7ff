/** Reading and validating OpenAI-compatible request bodies strictly, and writing responses and stream events. */
@NullMarked
package dev.tollgate.gateway.chat;

import org.jspecify.annotations.NullMarked;
