package dev.tollgate.gateway.guardrail;

/**
 * A text that allows a bounded number of character reads, so a regular expression with catastrophic backtracking
 * fails fast instead of occupying an event loop: {@value #READS_PER_CHAR} reads per character plus a fixed allowance.
 * {@link java.util.regex.Matcher} reads its input only through {@link #charAt}.
 */
final class BoundedText implements CharSequence {

    static final int READS_PER_CHAR = 64;
    private static final int ALLOWANCE = 10_000;

    private final String text;
    private final int offset;
    private final int length;
    private final long[] budget;

    BoundedText(String text) {
        this(text, 0, text.length(), new long[] {(long) text.length() * READS_PER_CHAR + ALLOWANCE});
    }

    private BoundedText(String text, int offset, int length, long[] budget) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(offset + index);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text, offset + start, end - start, budget);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }

    /** Thrown when the reads are used up; carries no stack trace, since it is expected from a bad pattern. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("pattern exceeded its matching budget", null, false, false);
        }
    }
}
