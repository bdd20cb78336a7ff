package dev.tollgate.gateway.guardrail;

import java.util.HashMap;
import java.util.Map;

/**
 * The reversible redactions of one request: each original gets a numbered placeholder per label ({@code <EMAIL_1>},
 * {@code <EMAIL_2>}; the same original always the same one), sent upstream instead of it, and the answer gets the
 * originals back. Lives only in the request's memory. Used by one thread at a time (a request's screening, then its
 * answer), published safely between them by Reactor.
 */
final class Placeholders {

    /** Longest placeholder: {@code <}, a label of up to 40 characters, {@code _}, a number, {@code >}. */
    static final int MAX_LENGTH = 1 + 40 + 1 + 6 + 1;

    private final Map<String, String> originals = new HashMap<>();
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    boolean isEmpty() {
        return originals.isEmpty();
    }

    /** The placeholder standing for {@code original}, found as {@code label}. */
    String placeholder(String label, String original) {
        String known = placeholders.get(label + '\u0000' + original);
        if (known != null) {
            return known;
        }
        int number = counters.merge(label, 1, Integer::sum);
        String placeholder = "<" + label + "_" + number + ">";
        placeholders.put(label + '\u0000' + original, placeholder);
        originals.put(placeholder, original);
        return placeholder;
    }

    /** {@code text} with every placeholder of this request replaced by its original; others are left alone. */
    String restore(String text) {
        if (originals.isEmpty() || text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder restored = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = text.charAt(i) == '<' ? placeholderEnd(text, i) : -1;
            String original = end < 0 ? null : originals.get(text.substring(i, end));
            if (original != null) {
                restored.append(original);
                i = end;
            } else {
                restored.append(text.charAt(i));
                i++;
            }
        }
        return restored.toString();
    }

    /**
     * Where a placeholder may have begun at the end of {@code text} without being complete yet: the text from there
     * must wait for the next chunk. {@code text.length()} when it ends in no such beginning.
     */
    int holdFrom(String text) {
        if (originals.isEmpty()) {
            return text.length();
        }
        int open = text.lastIndexOf('<');
        if (open < 0 || text.length() - open >= MAX_LENGTH) {
            return text.length();
        }
        for (int i = open + 1; i < text.length(); i++) {
            if (!placeholderChar(text.charAt(i))) {
                return text.length();
            }
        }
        return open;
    }

    /** {@code cut}, moved back to the start of a complete placeholder it would split. */
    int notSplitting(String text, int cut) {
        int open = text.lastIndexOf('<', cut - 1);
        if (open < 0 || cut - open >= MAX_LENGTH) {
            return cut;
        }
        int end = placeholderEnd(text, open);
        return end > cut ? open : cut;
    }

    private static int placeholderEnd(String text, int open) {
        int limit = Math.min(text.length(), open + MAX_LENGTH);
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i > open + 1 ? i + 1 : -1;
            }
            if (!placeholderChar(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean placeholderChar(char c) {
        return (c >= 'A' && c <= 'Z') || CharRuns.isDigit(c) || c == '_';
    }
}
