package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderFactory;
import dev.tollgate.gateway.provider.StaticRoutes;
import dev.tollgate.gateway.provider.UpstreamHttp;
import dev.tollgate.gateway.provider.UpstreamTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds OpenAI-style clients: one per published deployment, plus the static upstream configured by
 * {@code tollgate.provider.openai.base-url}. All of them share one WebClient and its connection pool (which keeps a
 * separate set of connections per host), so a new deployment costs no new pool.
 */
@Component
class OpenAiProviders implements ProviderFactory, StaticRoutes, DisposableBean {

    private static final Set<String> TYPES = Set.of(OpenAiTarget.OPENAI, OpenAiTarget.COMPATIBLE, OpenAiTarget.AZURE);

    private final WebClient webClient;
    private final OpenAiProperties properties;
    private final OpenAiJson json;
    private final UpstreamHttp http;

    OpenAiProviders(WebClient.Builder builder, OpenAiProperties properties, OpenAiJson json) {
        this.properties = properties;
        this.json = json;
        this.http = UpstreamHttp.create(
                builder,
                "tollgate-openai",
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
        return TYPES.contains(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return client(OpenAiTarget.of(target));
    }

    /** The upstream set by environment, serving its models under their own names; none when no base URL is set. */
    @Override
    public Map<String, ProviderClient> routes() {
        if (properties.baseUrl() == null) {
            return Map.of();
        }
        ProviderClient client = client(new OpenAiTarget(
                OpenAiTarget.OPENAI, properties.baseUrl(), properties.apiKey(), null, null, OpenAiQuirks.NONE));
        Map<String, ProviderClient> routes = new LinkedHashMap<>();
        properties.models().forEach(model -> routes.put(model, client));
        return routes;
    }

    private ProviderClient client(OpenAiTarget target) {
        return new OpenAiProviderClient(webClient, json, properties.timeouts(), target);
    }
}
