package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A public model name (what clients send as {@code model}) and the deployments that can serve it.
 *
 * @param name the public model name
 * @param strategy how a deployment is chosen: {@code priority}, {@code weighted}, … (the gateway uses the first
 *     deployment until routing strategies arrive)
 * @param deployments the candidates, in priority order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelRoute(String name, String strategy, List<Deployment> deployments) {}
