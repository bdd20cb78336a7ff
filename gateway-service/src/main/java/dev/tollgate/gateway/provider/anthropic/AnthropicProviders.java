package dev.tollgate.gateway.provider.anthropic;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderFactory;
import dev.tollgate.gateway.provider.UpstreamHttp;
import dev.tollgate.gateway.provider.UpstreamTarget;
import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds clients for published {@code anthropic} deployments. All of them share one WebClient and its connection pool
 * (which keeps a separate set of connections per host), so a new deployment costs no new pool.
 */
@Component
class AnthropicProviders implements ProviderFactory, DisposableBean {

    private final WebClient webClient;
    private final AnthropicProperties properties;
    private final OpenAiJson json;
    private final UpstreamHttp http;

    AnthropicProviders(WebClient.Builder builder, AnthropicProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.http = UpstreamHttp.create(
                builder,
                "tollgate-anthropic",
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
        return AnthropicTarget.TYPE.equals(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return new AnthropicProviderClient(
                webClient, json, properties.timeouts(), AnthropicTarget.of(target, properties), Clock.systemUTC());
    }
}
