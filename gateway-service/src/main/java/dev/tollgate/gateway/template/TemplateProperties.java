package dev.tollgate.gateway.template;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Prompt templates on the hot path, bound from {@code tollgate.templates}. The templates themselves are published by
 * the control plane.
 *
 * @param cacheTtl how long a looked-up template (found or not) is trusted without asking Redis again; change
 *     announcements drop entries at once
 * @param maxStale how long an entry past its TTL may still be used while Redis is unreachable
 * @param cacheSize most template names (per owner) held in memory, unknown ones included
 */
@Validated
@ConfigurationProperties("tollgate.templates")
record TemplateProperties(
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("5m") Duration maxStale,
        @DefaultValue("10000") @Min(1) long cacheSize) {}
