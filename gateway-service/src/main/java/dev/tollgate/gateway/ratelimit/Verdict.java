package dev.tollgate.gateway.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * One subject's part of an admission decision, with the state of its limits after it.
 *
 * @param limits the limits it was decided under
 * @param deniedBy the limit that refused the request; {@code null} when this subject admitted it
 * @param retryAfterMicros when a refused request could be admitted
 * @param requests the requests limit after the decision; {@code null} when the subject has none
 * @param tokens the tokens limit after the decision; {@code null} when the subject has none
 */
public record Verdict(
        Limits limits,
        @Nullable Dimension deniedBy,
        long retryAfterMicros,
        @Nullable Window requests,
        @Nullable Window tokens) {

    /** Which limit refused. */
    public enum Dimension {
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
    public record Window(long limit, long remaining, long resetMicros) {}

    public boolean admitted() {
        return deniedBy == null;
    }

    /**
     * This subject's part of an admission script's reply: {@code requests remaining, requests reset, tokens remaining,
     * tokens reset} from {@code state}.
     */
    public static Verdict of(Limits limits, @Nullable Dimension deniedBy, long retryAfterMicros, long[] state) {
        return new Verdict(
                limits,
                deniedBy,
                retryAfterMicros,
                window(limits.requests(), state[0], state[1]),
                window(limits.tokens(), state[2], state[3]));
    }

    static @Nullable Window window(long limit, long remaining, long resetMicros) {
        return limit == Limits.NONE ? null : new Window(limit, remaining, resetMicros);
    }
}
