package dev.tollgate.gateway.admission;

import dev.tollgate.gateway.usage.UsageHold;
import java.util.Map;

/**
 * A request admission let through.
 *
 * @param headers the {@code x-ratelimit-*} headers its response carries
 * @param hold what it reserved, settled with its usage event
 */
public record Admission(Map<String, String> headers, UsageHold hold) {

    static final Admission UNLIMITED = new Admission(Map.of(), UsageHold.NONE);
}
