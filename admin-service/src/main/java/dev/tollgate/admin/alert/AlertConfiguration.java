package dev.tollgate.admin.alert;

import dev.tollgate.admin.system.RedisProperties;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/** The alert stream's own Redis client and the WebClient that posts to webhooks. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertConfiguration.class);
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

    /**
     * Posts without following redirects, which could lead past the address checks made on the URL. Each new
     * connection's peer is checked against the same rules and closed if it fails them, so a host name that was
     * re-pointed after its URL was checked (DNS rebinding) still cannot reach internal addresses.
     */
    @Bean
    WebhookClient webhookClient(AlertProperties properties) {
        return new WebhookClient(
                WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(http(properties)))
                        .build(),
                properties);
    }

    static HttpClient http(AlertProperties properties) {
        return HttpClient.create()
                .followRedirect(false)
                .doOnConnected(connection -> closeIfForbidden(connection, properties))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout());
    }

    private static void closeIfForbidden(Connection connection, AlertProperties properties) {
        if (connection.channel().remoteAddress() instanceof InetSocketAddress peer
                && !WebhookUrlValidator.allowed(peer.getAddress(), properties)) {
            log.warn("Refused to post to a webhook at {}", peer.getAddress().getHostAddress());
            // Closing alone leaves the request waiting for its timeout; failing its first write ends it at once.
            connection.addHandlerFirst("tollgate.refusedAddress", new RefusingWrites());
        }
    }

    /** Fails every write and closes the channel: nothing reaches a peer the address rules refuse. */
    private static final class RefusingWrites extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            ReferenceCountUtil.release(message);
            promise.setFailure(new ConnectException("the webhook resolved to a refused address"));
            context.close();
        }
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
