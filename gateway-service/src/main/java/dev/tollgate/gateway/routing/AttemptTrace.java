package dev.tollgate.gateway.routing;

import org.jspecify.annotations.Nullable;

/**
 * The upstream attempts of one client request as they happen: how many were made, how many fallback models were
 * tried, and which deployment of which model served (or was tried last). Written by {@link UpstreamAttempts} one
 * attempt after another, read by the usage event and the response headers once the answer is known.
 */
public final class AttemptTrace {

    private volatile int attempts;
    private volatile int fallbacks;
    private volatile @Nullable Target target;
    private volatile @Nullable String model;

    /** The deployment of the last attempt: the one that served, when one did; {@code null} before any attempt. */
    public @Nullable Target target() {
        return target;
    }

    /** The public model of the last attempt; the requested one unless a fallback was taken. */
    public @Nullable String model() {
        return model;
    }

    /** Attempts after the first, on every model tried. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }

    /** Fallback models tried. */
    public int fallbacks() {
        return fallbacks;
    }

    // Attempts follow one another (each starts after the previous one failed), so plain volatile writes suffice.
    void attempting(String model, Target target) {
        this.model = model;
        this.target = target;
        this.attempts = attempts + 1;
    }

    void fellBack() {
        this.fallbacks = fallbacks + 1;
    }
}
