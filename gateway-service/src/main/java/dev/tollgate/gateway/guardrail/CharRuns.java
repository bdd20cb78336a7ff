package dev.tollgate.gateway.guardrail;

/** Character-class scans shared by the detectors: plain loops, so their cost is linear in the text. */
final class CharRuns {

    private CharRuns() {}

    /**
     * The start of the run of characters matching {@code member} that ends {@code text}, looking back at most
     * {@code max} characters; {@code text.length()} when the text does not end with one.
     */
    static int trailing(String text, CharClass member, int max) {
        int start = text.length();
        int limit = Math.max(0, text.length() - max);
        while (start > limit && member.test(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** A set of characters. */
    @FunctionalInterface
    interface CharClass {
        boolean test(char c);
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    /** Whether the character at {@code index} is absent or not a letter or digit of any script. */
    static boolean boundaryAt(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
