package dev.tollgate.gateway.provider.bedrock;

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
 * Builds clients for published {@code bedrock} deployments. All of them share one WebClient and its connection pool
 * (which keeps a separate set of connections per host, so per region) and one signer.
 */
@Component
class BedrockProviders implements ProviderFactory, DisposableBean {

    private final WebClient webClient;
    private final BedrockProperties properties;
    private final OpenAiJson json;
    private final ConnectionProvider pool;
    private final BedrockSigner signer = new BedrockSigner(Clock.systemUTC());

    BedrockProviders(WebClient.Builder builder, BedrockProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.pool = pool(properties);
        this.webClient = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(httpClient(pool, properties)))
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .build();
    }

    private static ConnectionProvider pool(BedrockProperties properties) {
        return ConnectionProvider.builder("tollgate-bedrock")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.connectTimeout())
                // Retire idle keep-alive connections before the other side does, as the OpenAI adapter does.
                .maxIdleTime(Duration.ofSeconds(30))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
    }

    private static HttpClient httpClient(ConnectionProvider pool, BedrockProperties properties) {
        return HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.connectTimeout().toMillis());
    }

    @Override
    public void destroy() {
        pool.dispose();
    }

    @Override
    public boolean supports(String type) {
        return BedrockTarget.TYPE.equals(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return new BedrockProviderClient(
                webClient, json, properties.timeouts(), BedrockTarget.of(target), signer, Clock.systemUTC());
    }
}
