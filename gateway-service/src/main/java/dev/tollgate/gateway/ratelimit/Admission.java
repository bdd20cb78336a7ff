package dev.tollgate.gateway.ratelimit;

import dev.tollgate.gateway.usage.UsageHold;
import java.util.Map;

/**
 * A request the rate limits let through.
 *
 * @param headers the {@code x-ratelimit-*} headers its response carries
 * @param hold the tokens charged up front, corrected with the request's real usage when its event is written
 */
public record Admission(Map<String, String> headers, UsageHold hold) {

    static final Admission UNLIMITED = new Admission(Map.of(), UsageHold.NONE);
}
