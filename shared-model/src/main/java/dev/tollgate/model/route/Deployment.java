package dev.tollgate.model.route;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One upstream that can serve a public model.
 *
 * @param deploymentId the deployment's id
 * @param provider the provider and its sealed credential
 * @param upstreamModel the model name sent upstream
 * @param weight share of traffic under the weighted strategy
 * @param priority order under the priority strategy, lowest first
 * @param prices price versions, newest effective date last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(
        @JsonProperty("deployment_id") String deploymentId,
        ProviderSnapshot provider,
        @JsonProperty("upstream_model") String upstreamModel,
        int weight,
        int priority,
        List<PriceVersion> prices) {}
