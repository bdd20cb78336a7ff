package dev.tollgate.gateway.guardrail;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Guardrails on the hot path, bound from {@code tollgate.guardrails}. The policies themselves are published by the
 * control plane.
 *
 * @param cacheTtl how long the looked-up policies of a scope (found or not) are trusted without asking Redis again;
 *     change announcements drop entries at once
 * @param maxStale how long an entry past its TTL may still be used while Redis is unreachable
 * @param cacheSize most scopes held in memory, scopes without policies included
 * @param phoneRegions the regions (ISO 3166 codes) whose national phone formats are recognised; numbers written with
 *     {@code +} and a country code are recognised for every country
 * @param classifierThreshold the score at or above which an {@link InjectionClassifier}, when one is configured,
 *     flags content as injection
 */
@Validated
@ConfigurationProperties("tollgate.guardrails")
record GuardrailProperties(
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("5m") Duration maxStale,
        @DefaultValue("10000") @Min(1) long cacheSize,

        @DefaultValue({"US", "GB", "DE", "FR", "ES", "IT", "NL", "IN", "AU", "BR"}) @NotEmpty
        List<String> phoneRegions,

        @DefaultValue("0.9") @DecimalMin("0") @DecimalMax("1")
        double classifierThreshold) {}
