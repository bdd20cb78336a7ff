package dev.tollgate.gateway.provider;

/** Implemented by each adapter: builds clients for the deployments the control plane publishes. */
public interface ProviderFactory {

    /** Whether this adapter serves providers of {@code type}. */
    boolean supports(String type);

    /**
     * A client for one deployment. Cheap: clients of one adapter share its connection pool.
     *
     * @throws IllegalArgumentException when the target lacks something the type needs, such as a base URL
     */
    ProviderClient clientFor(UpstreamTarget target);
}
