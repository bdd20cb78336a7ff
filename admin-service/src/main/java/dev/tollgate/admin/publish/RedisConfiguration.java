package dev.tollgate.admin.publish;

import dev.tollgate.admin.system.RedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/** The Jedis client and the scheduler its blocking calls run on. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    BlockingRedis blockingRedis(RedisProperties redis, PublishProperties properties) {
        // As many threads as pooled connections: a thread that blocks always has a connection to block on.
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(properties.poolSize());
        RedisClient client =
                RedisClient.builder().fromURI(redis.uri()).poolConfig(pool).build();
        return new BlockingRedis(
                client, Schedulers.newBoundedElastic(properties.poolSize(), properties.queueCapacity(), "jedis"));
    }
}
