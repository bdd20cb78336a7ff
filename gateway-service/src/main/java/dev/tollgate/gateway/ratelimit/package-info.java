/**
 * Per-key requests and tokens per minute (GCRA in one Redis script, shared by every gateway instance) and the per-key
 * cap on output tokens. Fails open: while Redis is unreachable each instance limits on its own, in memory.
 */
@NullMarked
package dev.tollgate.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
