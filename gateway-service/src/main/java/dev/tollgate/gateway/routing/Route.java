package dev.tollgate.gateway.routing;

import dev.tollgate.gateway.provider.ProviderClient;

/**
 * Where a request for a public model goes.
 *
 * @param model the public model name
 * @param client the client of the upstream that serves it
 * @param ownedBy what {@code /v1/models} shows as {@code owned_by}
 */
public record Route(String model, ProviderClient client, String ownedBy) {

    /** The provider type, a metric tag. */
    public String provider() {
        return client.provider();
    }
}
