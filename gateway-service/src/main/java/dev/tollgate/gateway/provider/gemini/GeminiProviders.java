package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderFactory;
import dev.tollgate.gateway.provider.UpstreamHttp;
import dev.tollgate.gateway.provider.UpstreamTarget;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds Gemini clients, one per published deployment of type {@code gemini}. All of them share one WebClient and
 * its connection pool, so a new deployment costs no new pool.
 */
@Component
class GeminiProviders implements ProviderFactory, DisposableBean {

    private final WebClient webClient;
    private final GeminiProperties properties;
    private final OpenAiJson json;
    private final UpstreamHttp http;

    GeminiProviders(WebClient.Builder builder, GeminiProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.http = UpstreamHttp.create(
                builder,
                "tollgate-gemini",
                properties.connectTimeout(),
                properties.maxConnections(),
                properties.maxResponseSize());
        this.webClient = http.webClient();
    }

    @Override
    public void destroy() {
        http.close();
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
