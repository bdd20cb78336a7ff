package dev.tollgate.gateway.provider;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One adapter's WebClient and the connection pool behind it, which keeps a separate set of connections per host: all
 * deployments of one provider type share it, so a new deployment costs no new pool. Closed with the adapter.
 */
public final class UpstreamHttp implements AutoCloseable {

    // Providers close idle keep-alive connections (often after 60s); retiring ours sooner avoids sending a request on
    // a connection the other side is closing.
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final ConnectionProvider pool;
    private final WebClient webClient;

    private UpstreamHttp(ConnectionProvider pool, WebClient webClient) {
        this.pool = pool;
        this.webClient = webClient;
    }

    /**
     * @param name the pool's name, in its metrics, such as {@code tollgate-anthropic}
     * @param connectTimeout limit for opening a connection, and for waiting for a pooled one
     * @param maxConnections connections kept at most
     * @param maxResponseSize largest non-streaming response accepted
     */
    public static UpstreamHttp create(
            WebClient.Builder builder,
            String name,
            Duration connectTimeout,
            int maxConnections,
            DataSize maxResponseSize) {
        ConnectionProvider pool = ConnectionProvider.builder(name)
                .maxConnections(maxConnections)
                .pendingAcquireTimeout(connectTimeout)
                .maxIdleTime(MAX_IDLE)
                .evictInBackground(MAX_IDLE)
                .build();
        HttpClient http =
                HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
        WebClient webClient = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) maxResponseSize.toBytes()))
                .build();
        return new UpstreamHttp(pool, webClient);
    }

    public WebClient webClient() {
        return webClient;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
