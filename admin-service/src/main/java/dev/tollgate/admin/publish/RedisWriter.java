package dev.tollgate.admin.publish;

import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a {@link ConfigBatch} atomically. MULTI/EXEC rather than a Lua script: the commands depend on no value read
 * inside Redis, so a transaction gives the same all-or-nothing with plainer code.
 */
@Component
class RedisWriter {

    private final BlockingRedis redis;
    private final JsonMapper json = PublishedJson.mapper();

    RedisWriter(BlockingRedis redis) {
        this.redis = redis;
    }

    Mono<Void> apply(ConfigBatch batch) {
        return redis.call(jedis -> exec(jedis, batch)).then();
    }

    private Object exec(UnifiedJedis jedis, ConfigBatch batch) {
        try (AbstractTransaction transaction = jedis.multi()) {
            batch.writes.forEach(write -> transaction.set(write.key(), write.json(), params(write)));
            batch.deletes.forEach(transaction::del);
            if (batch.replaceRoutes) {
                transaction.del(ConfigKeys.ROUTES);
            }
            batch.routesAdded.forEach(route -> transaction.sadd(ConfigKeys.ROUTES, route));
            batch.routesRemoved.forEach(route -> transaction.srem(ConfigKeys.ROUTES, route));
            transaction.incr(ConfigKeys.VERSION);
            for (ConfigChange change : batch.changes) {
                transaction.publish(ConfigKeys.CHANGES_CHANNEL, json.writeValueAsString(change));
            }
            return transaction.exec();
        }
    }

    private static SetParams params(ConfigBatch.Write write) {
        SetParams params = new SetParams();
        return write.expiresAt() == null
                ? params
                : params.pxAt(write.expiresAt().toEpochMilli());
    }
}
