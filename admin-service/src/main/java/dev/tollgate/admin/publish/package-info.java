/** Publishing configuration to Redis for the gateway, and the resync that heals a flushed Redis. */
@NullMarked
package dev.tollgate.admin.publish;

import org.jspecify.annotations.NullMarked;
