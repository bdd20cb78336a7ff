package dev.tollgate.gateway.redis;

import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

/** The Jedis pool and the scheduler its blocking commands run on. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    BlockingRedis blockingRedis(RedisProperties properties) {
        // As many threads as pooled connections: a thread that blocks always has a connection to block on.
        Scheduler scheduler = Schedulers.newBoundedElastic(properties.poolSize(), properties.queueCapacity(), "jedis");
        JedisPooled pool = pool(properties);
        return new BlockingRedis(
                pool, scheduler, properties, () -> pool.getPool().clear());
    }

    private static JedisPooled pool(RedisProperties properties) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(properties.poolSize());
        pool.setMaxIdle(properties.poolSize());
        pool.setMaxWait(Duration.ofMillis(properties.timeoutMillis()));
        pool.setJmxEnabled(false);
        return new JedisPooled(pool, properties.uri(), properties.timeoutMillis(), properties.timeoutMillis());
    }
}
