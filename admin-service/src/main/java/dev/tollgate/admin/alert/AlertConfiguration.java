package dev.tollgate.admin.alert;

import dev.tollgate.admin.system.RedisProperties;
import io.netty.channel.ChannelOption;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/** The alert stream's own Redis client and the WebClient that posts to webhooks. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    private static final int REDIS_CONNECTIONS = 2;

    @Bean(destroyMethod = "close")
    AlertStream alertStream(RedisProperties redis, AlertProperties properties) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(REDIS_CONNECTIONS);
        RedisClient client =
                RedisClient.builder().fromURI(redis.uri()).poolConfig(pool).build();
        // As many threads as connections: the blocking read holds one, acknowledgements and claims use the other.
        return new AlertStream(
                client, Schedulers.newBoundedElastic(REDIS_CONNECTIONS, 100, "alert-redis"), consumerName(properties));
    }

    /** Posts without following redirects: a redirect could lead past the address checks made on the URL. */
    @Bean
    WebhookClient webhookClient(AlertProperties properties) {
        HttpClient http = HttpClient.create()
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout());
        return new WebhookClient(
                WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(http))
                        .build(),
                properties);
    }

    private static String consumerName(AlertProperties properties) {
        if (!properties.consumerName().isBlank()) {
            return properties.consumerName();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "admin";
        }
    }
}
