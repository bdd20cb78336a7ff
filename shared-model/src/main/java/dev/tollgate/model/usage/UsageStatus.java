package dev.tollgate.model.usage;

import java.util.Arrays;

/** How a request ended, as recorded in its usage event. */
public enum UsageStatus {
    /** The provider answered in full. */
    SUCCESS("success"),
    /** The provider failed or could not be reached, before or during its answer. */
    UPSTREAM_ERROR("upstream_error"),
    /** The caller went away before the answer was complete. */
    CLIENT_CANCELLED("client_cancelled"),
    /** The gateway refused the authenticated request (invalid body, model not allowed, and later limits). */
    REJECTED("rejected");

    private final String wire;

    UsageStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire, such as {@code client_cancelled}. */
    public String wire() {
        return wire;
    }

    /** The status written as {@code wire}. */
    public static UsageStatus fromWire(String wire) {
        return Arrays.stream(values())
                .filter(status -> status.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown usage status " + wire));
    }
}
