package dev.tollgate.gateway.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on how slowly a caller may send its request, bound from {@code tollgate.server}, so that a slow or stalled
 * client cannot hold a connection forever.
 *
 * @param requestTimeout time to receive a whole request, headers and body
 * @param readTimeout longest silence while a request is being received
 * @param writeTimeout longest a single write to the caller may wait, so a client that stops reading a stream does
 *     not hold its connection and buffers forever
 */
@ConfigurationProperties("tollgate.server")
record HttpServerProperties(
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("60s") Duration writeTimeout) {}
