package dev.tollgate.usage.ingest;

import dev.tollgate.usage.ledger.UsageLedger;
import dev.tollgate.usage.system.RedisProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    JedisPooled ingestJedis(RedisProperties redis, IngestProperties properties) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(4); // the consumer thread, plus metric scrapes
        // A blocking XREADGROUP holds its socket for up to `block`; the read timeout must outlast it.
        int readTimeout = (int) (properties.block().toMillis() + CONNECT_TIMEOUT.toMillis());
        return new JedisPooled(pool, redis.uri(), (int) CONNECT_TIMEOUT.toMillis(), readTimeout);
    }

    @Bean
    UsageStream usageStream(JedisPooled ingestJedis, IngestProperties properties) {
        return new UsageStream(ingestJedis, properties, consumerName(properties));
    }

    @Bean
    EntryIngester entryIngester(
            UsageStream usageStream, UsageLedger ledger, IngestProperties properties, MeterRegistry meters) {
        Gauge.builder("tollgate.usage.ingest.lag", usageStream, UsageStream::lag)
                .description("Entries in the stream not yet delivered to the consumer group")
                .register(meters);
        Gauge.builder("tollgate.usage.ingest.pending", usageStream, UsageStream::pending)
                .description("Entries delivered to the consumer group and not yet acknowledged")
                .register(meters);
        return new EntryIngester(usageStream, ledger, properties.maxDeliveries(), meters);
    }

    @Bean
    UsageStreamConsumer usageStreamConsumer(
            UsageStream usageStream, EntryIngester entryIngester, IngestProperties properties) {
        return new UsageStreamConsumer(usageStream, entryIngester, properties);
    }

    private static String consumerName(IngestProperties properties) {
        if (!properties.consumer().isBlank()) {
            return properties.consumer();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "-"
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException unresolvable) {
            return "usage-" + ProcessHandle.current().pid();
        }
    }
}
