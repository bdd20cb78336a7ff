package dev.tollgate.admin.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the usage service dead-letters events, bound from {@code tollgate.usage.ingest}: the same prefix and default
 * as the usage service's own setting, so one value configures both sides.
 *
 * @param deadLetterStream the Redis stream the usage service moves events to when it cannot write them
 */
@ConfigurationProperties("tollgate.usage.ingest")
record IngestProperties(
        @DefaultValue("tollgate:usage:dead-letter") String deadLetterStream) {}
