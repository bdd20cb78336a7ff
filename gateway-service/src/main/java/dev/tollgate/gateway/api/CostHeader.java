package dev.tollgate.gateway.api;

import dev.tollgate.model.usage.UsageRecorded;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code x-tollgate-cost-usd}: the exact cost of a non-streaming answer as a decimal string, such as
 * {@code 0.0001959750}. Left out when the route has no price in force (the usage event says {@code priced=false}).
 */
final class CostHeader {

    static final String NAME = "x-tollgate-cost-usd";

    private CostHeader() {}

    static ServerResponse.BodyBuilder on(ServerResponse.BodyBuilder response, UsageRecorded event) {
        return event.costUsd() == null
                ? response
                : response.header(NAME, event.costUsd().toPlainString());
    }
}
