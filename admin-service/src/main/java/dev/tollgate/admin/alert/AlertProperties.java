package dev.tollgate.admin.alert;

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
 * Budget alert delivery, bound from {@code tollgate.alerts} ({@code TOLLGATE_ALERTS_*} by relaxed binding).
 *
 * @param enabled {@code TOLLGATE_ALERTS_ENABLED}: run the stream consumer and the delivery worker in this instance;
 *     the webhook settings and the delivery log are served either way
 * @param consumerName {@code TOLLGATE_ALERTS_CONSUMER_NAME}: this instance's name in the {@code admin-alerts}
 *     consumer group; keep it stable across restarts so an instance first re-reads what it had read but not filed.
 *     Blank means the host name
 * @param readBlock how long one XREADGROUP waits for new entries
 * @param readCount most entries read at once
 * @param claimIdle an entry another consumer read and has not acknowledged for this long is taken over (XAUTOCLAIM)
 * @param workerInterval how often the worker looks for due deliveries
 * @param workerBatch most deliveries one worker pass claims
 * @param lease how long a claimed delivery stays hidden from other workers; longer than one attempt can take
 * @param retrySchedule wait before the 2nd, 3rd, … attempt; the last entry repeats until {@code maxAttempts}
 * @param jitter the fraction by which a wait is randomly lengthened or shortened, so retries do not stampede
 * @param maxAttempts attempts before a delivery is given up as {@code failed}
 * @param connectTimeout limit for opening the connection to a webhook
 * @param readTimeout limit for the webhook's response, from request sent to status line
 * @param allowPrivateWebhooks {@code TOLLGATE_ALERTS_ALLOW_PRIVATE_WEBHOOKS}: accept webhook URLs that resolve to
 *     loopback or private addresses; link-local and cloud metadata addresses stay refused either way
 * @param allowInsecureWebhooks {@code TOLLGATE_ALERTS_ALLOW_INSECURE_WEBHOOKS}: accept {@code http://} webhook URLs
 *     (development and tests); otherwise only {@code https://}
 */
@Validated
@ConfigurationProperties("tollgate.alerts")
record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String consumerName,
        @DefaultValue("2s") Duration readBlock,
        @DefaultValue("50") @Min(1) int readCount,
        @DefaultValue("5m") Duration claimIdle,
        @DefaultValue("5s") Duration workerInterval,
        @DefaultValue("20") @Min(1) int workerBatch,
        @DefaultValue("2m") Duration lease,

        @DefaultValue({"10s", "30s", "2m", "10m", "1h", "6h"}) @NotEmpty
        List<Duration> retrySchedule,

        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("0.5")
        double jitter,

        @DefaultValue("12") @Min(1) int maxAttempts,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("false") boolean allowPrivateWebhooks,
        @DefaultValue("false") boolean allowInsecureWebhooks) {}
