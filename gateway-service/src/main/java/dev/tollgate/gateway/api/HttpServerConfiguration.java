package dev.tollgate.gateway.api;

import io.netty.handler.timeout.WriteTimeoutHandler;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reactor Netty settings that Boot's {@code server.netty.*} properties do not cover. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    NettyServerCustomizer slowClientLimits(HttpServerProperties properties) {
        long writeMillis = properties.writeTimeout().toMillis();
        return server -> server.requestTimeout(properties.requestTimeout())
                .readTimeout(properties.readTimeout())
                .doOnConnection(connection ->
                        connection.addHandlerLast(new WriteTimeoutHandler(writeMillis, TimeUnit.MILLISECONDS)));
    }
}
