package dev.tollgate.gateway.provider.anthropic;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderFactory;
import dev.tollgate.gateway.provider.UpstreamTarget;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds clients for published {@code anthropic} deployments. All of them share one WebClient and its connection pool
 * (which keeps a separate set of connections per host), so a new deployment costs no new pool.
 */
@Component
class AnthropicProviders implements ProviderFactory, DisposableBean {

    private final WebClient webClient;
    private final AnthropicProperties properties;
    private final OpenAiJson json;
    private final ConnectionProvider pool;

    AnthropicProviders(WebClient.Builder builder, AnthropicProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.pool = pool(properties);
        this.webClient = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(httpClient(pool, properties)))
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .build();
    }

    private static ConnectionProvider pool(AnthropicProperties properties) {
        return ConnectionProvider.builder("tollgate-anthropic")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.connectTimeout())
                // Retire idle keep-alive connections before the other side does, as the OpenAI adapter does.
                .maxIdleTime(Duration.ofSeconds(30))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
    }

    private static HttpClient httpClient(ConnectionProvider pool, AnthropicProperties properties) {
        return HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.connectTimeout().toMillis());
    }

    @Override
    public void destroy() {
        pool.dispose();
    }

    @Override
    public boolean supports(String type) {
        return AnthropicTarget.TYPE.equals(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return new AnthropicProviderClient(
                webClient, json, properties.timeouts(), AnthropicTarget.of(target, properties), Clock.systemUTC());
    }
}
