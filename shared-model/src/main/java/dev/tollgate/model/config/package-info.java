/** Where published configuration lives in Redis and how its changes are announced. */
@NullMarked
package dev.tollgate.model.config;

import org.jspecify.annotations.NullMarked;
