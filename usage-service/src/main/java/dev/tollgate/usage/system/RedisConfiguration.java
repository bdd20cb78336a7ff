package dev.tollgate.usage.system;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final int POOL_SIZE = 8;
    private static final int TIMEOUT_MILLIS = 2_000;

    @Bean(destroyMethod = "close")
    BlockingRedis blockingRedis(RedisProperties properties) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(POOL_SIZE);
        JedisPooled jedis = new JedisPooled(pool, properties.uri(), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        // As many threads as pooled connections: a thread that blocks always has a connection to block on.
        return new BlockingRedis(jedis, Schedulers.newBoundedElastic(POOL_SIZE, 10_000, "usage-redis"));
    }
}
