package dev.tollgate.gateway.provider.bedrock;

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
 * Builds clients for published {@code bedrock} deployments. All of them share one WebClient and its connection pool
 * (which keeps a separate set of connections per host, so per region) and one signer.
 */
@Component
class BedrockProviders implements ProviderFactory, DisposableBean {

    private final WebClient webClient;
    private final BedrockProperties properties;
    private final OpenAiJson json;
    private final UpstreamHttp http;
    private final BedrockSigner signer = new BedrockSigner(Clock.systemUTC());

    BedrockProviders(WebClient.Builder builder, BedrockProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.http = UpstreamHttp.create(
                builder,
                "tollgate-bedrock",
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
        return BedrockTarget.TYPE.equals(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return new BedrockProviderClient(
                webClient, json, properties.timeouts(), BedrockTarget.of(target), signer, Clock.systemUTC());
    }
}
