package dev.tollgate.gateway.provider;

import java.util.Map;

/**
 * Implemented by adapters that serve models configured at start rather than published: the built-in mock models and
 * the upstream set by {@code TOLLGATE_OPENAI_BASE_URL}. They keep offline use and benchmarks working without a control
 * plane; published routes win over them on a name clash, and keys govern access to both.
 */
public interface StaticRoutes {

    /** Public model name to the client that serves it. */
    Map<String, ProviderClient> routes();
}
