package dev.tollgate.gateway.guardrail;

/**
 * Where a detector matched in a text: the characters {@code [start, end)}.
 *
 * @param start the first character
 * @param end one past the last character
 */
record Finding(int start, int end) {

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
