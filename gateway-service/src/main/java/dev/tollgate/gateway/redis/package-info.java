/**
 * Redis access for the gateway: {@link dev.tollgate.gateway.redis.BlockingRedis} is the only Jedis user, reads the
 * configuration the control plane publishes, and relays its change announcements as in-process events.
 */
@NullMarked
package dev.tollgate.gateway.redis;

import org.jspecify.annotations.NullMarked;
