package dev.tollgate.gateway.routing;

/**
 * A failure of one attempt before it delivered anything, carried to {@link UpstreamAttempts} so it may try again or
 * fall back; never seen outside this package. Its cause is what the caller gets if nothing else works.
 */
final class AttemptFailed extends RuntimeException {

    private final boolean retriable;

    /**
     * @param cause the failure as the caller would see it
     * @param retriable whether another attempt on the same model may help at all; {@code false} when no deployment
     *     could even be tried
     */
    AttemptFailed(Throwable cause, boolean retriable) {
        super(cause.getMessage(), cause, false, false);
        this.retriable = retriable;
    }

    boolean retriable() {
        return retriable;
    }
}
