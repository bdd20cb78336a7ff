package dev.tollgate.admin.demo;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data, bound from {@code tollgate.demo}.
 *
 * @param seed on a database without the {@code demo} tenant, create it with a mock provider, the routes
 *     {@code mock-chat} and {@code mock-embedding} and one key for both; the {@code local} profile turns it on
 * @param keyFile where to write the demo key's secret instead of logging it; the local start script sets it so it
 *     can print the key; unset, the secret goes to the log only
 */
@ConfigurationProperties("tollgate.demo")
record DemoProperties(
        @DefaultValue("false") boolean seed, @Nullable Path keyFile) {}
