package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderFactory;
import dev.tollgate.gateway.provider.UpstreamTarget;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds Gemini clients, one per published deployment of type {@code gemini}. All of them share one WebClient and
 * its connection pool, so a new deployment costs no new pool.
 */
@Component
class GeminiProviders implements ProviderFactory, DisposableBean {

    private final WebClient webClient;
    private final GeminiProperties properties;
    private final OpenAiJson json;
    private final ConnectionProvider pool;

    GeminiProviders(WebClient.Builder builder, GeminiProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.pool = pool(properties);
        this.webClient = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(httpClient(pool, properties)))
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .build();
    }

    private static ConnectionProvider pool(GeminiProperties properties) {
        return ConnectionProvider.builder("tollgate-gemini")
                .maxConnections(properties.maxConnections())
                .pendingAcquireTimeout(properties.connectTimeout())
                // Google closes idle keep-alive connections; retiring ours sooner avoids sending a request on a
                // connection the other side is closing.
                .maxIdleTime(Duration.ofSeconds(30))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
    }

    private static HttpClient httpClient(ConnectionProvider pool, GeminiProperties properties) {
        return HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                properties.connectTimeout().toMillis());
    }

    @Override
    public void destroy() {
        pool.dispose();
    }

    @Override
    public boolean supports(String type) {
        return GeminiProviderClient.TYPE.equals(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return new GeminiProviderClient(
                webClient, json, properties.timeouts(), GeminiTarget.of(target, properties.baseUrl()));
    }
}
