package dev.tollgate.admin.report;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the usage service answers, bound from {@code tollgate.usage}.
 *
 * @param baseUrl {@code TOLLGATE_USAGE_URL}: root of the usage service's API
 * @param timeout limit for one whole call, first byte to last (a CSV download included)
 */
@ConfigurationProperties("tollgate.usage")
record UsageProperties(
        @DefaultValue("http://127.0.0.1:8082") URI baseUrl,
        @DefaultValue("30s") Duration timeout) {}
