package dev.tollgate.gateway.ratelimit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One admission decision with the state of both limits after it.
 *
 * @param limits the limits it was decided under
 * @param deniedBy the limit that refused the request; {@code null} when admitted
 * @param retryAfterMicros when a refused request could be admitted
 * @param requests the requests limit after the decision; {@code null} when the key has none
 * @param tokens the tokens limit after the decision; {@code null} when the key has none
 * @param shared whether all gateways decided it together (Redis), not this one alone
 */
record Verdict(
        Limits limits,
        @Nullable Dimension deniedBy,
        long retryAfterMicros,
        @Nullable Window requests,
        @Nullable Window tokens,
        boolean shared) {

    enum Dimension {
        REQUESTS,
        TOKENS
    }

    /**
     * A limit's state.
     *
     * @param limit per window
     * @param remaining what is left of it
     * @param resetMicros until it is whole again
     */
    record Window(long limit, long remaining, long resetMicros) {}

    boolean admitted() {
        return deniedBy == null;
    }

    /** The reply of {@code admit.lua}. */
    static Verdict fromScript(Limits limits, List<Long> reply) {
        Dimension denied = reply.get(1) == 0 ? null : Dimension.values()[(int) (reply.get(1) - 1)];
        return new Verdict(
                limits,
                denied,
                reply.get(2),
                window(limits.requests(), reply.get(3), reply.get(4)),
                window(limits.tokens(), reply.get(5), reply.get(6)),
                true);
    }

    static @Nullable Window window(long limit, long remaining, long resetMicros) {
        return limit == Limits.NONE ? null : new Window(limit, remaining, resetMicros);
    }
}
