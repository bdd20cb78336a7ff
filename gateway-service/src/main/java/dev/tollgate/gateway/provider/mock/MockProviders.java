package dev.tollgate.gateway.provider.mock;

import dev.tollgate.gateway.provider.ProviderClient;
import dev.tollgate.gateway.provider.ProviderFactory;
import dev.tollgate.gateway.provider.StaticRoutes;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.gateway.provider.mock.MockProviderClient.Serves;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds mock clients: the static {@code mock-chat} and {@code mock-embedding} (unless {@code enabled} is off), and
 * one per published deployment of type {@code mock}, which answers as its upstream model name.
 */
@Component
class MockProviders implements ProviderFactory, StaticRoutes {

    static final String TYPE = "mock";
    static final String CHAT_MODEL = "mock-chat";
    static final String EMBEDDING_MODEL = "mock-embedding";

    private final MockProperties properties;
    private final MockReplies replies = new MockReplies();

    MockProviders(MockProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(String type) {
        return TYPE.equals(type);
    }

    @Override
    public ProviderClient clientFor(UpstreamTarget target) {
        return new MockProviderClient(properties, replies, Serves.BOTH, target.upstreamModel());
    }

    @Override
    public Map<String, ProviderClient> routes() {
        if (!properties.enabled()) {
            return Map.of();
        }
        Map<String, ProviderClient> routes = new LinkedHashMap<>();
        routes.put(CHAT_MODEL, new MockProviderClient(properties, replies, Serves.CHAT, CHAT_MODEL));
        routes.put(EMBEDDING_MODEL, new MockProviderClient(properties, replies, Serves.EMBEDDINGS, EMBEDDING_MODEL));
        return routes;
    }
}
