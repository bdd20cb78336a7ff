package dev.tollgate.admin.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Virtual keys, bound from {@code tollgate.keys}.
 *
 * @param rotationGracePeriod how long a rotated-out secret keeps working when the request names no grace period
 */
@ConfigurationProperties("tollgate.keys")
record KeyProperties(@DefaultValue("24h") Duration rotationGracePeriod) {}
