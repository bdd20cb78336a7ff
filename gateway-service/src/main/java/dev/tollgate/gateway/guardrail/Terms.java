package dev.tollgate.gateway.guardrail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words and phrases found whole-word in {@link NormalizedText}, so case, accents, look-alike letters and spelled-out
 * letters do not hide them. A trie walked from each word start: the cost is the text's length times the longest
 * term's, whatever the number of terms.
 */
final class Terms {

    private final Node root = new Node();
    private final int longest;

    Terms(List<String> terms) {
        int max = 0;
        for (String term : terms) {
            String folded = NormalizedText.of(term.strip()).text().strip();
            if (!folded.isEmpty()) {
                add(folded);
                max = Math.max(max, folded.length());
            }
        }
        this.longest = max;
    }

    boolean isEmpty() {
        return longest == 0;
    }

    /** Every whole-word occurrence in {@code text}, as spans of the folded text; the longest where they overlap. */
    List<Finding> find(NormalizedText text) {
        String folded = text.text();
        List<Finding> found = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            int end = wordStart(folded, i) ? longestMatch(folded, i) : -1;
            if (end > i) {
                found.add(new Finding(i, end));
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    /** The earliest folded index from which the text's end could still become a term; its length when none. */
    int pendingFrom(String folded) {
        for (int i = Math.max(0, folded.length() - longest); i < folded.length(); i++) {
            if (wordStart(folded, i) && reachesEnd(folded, i)) {
                return i;
            }
        }
        return folded.length();
    }

    private void add(String term) {
        Node node = root;
        for (char c : term.toLowerCase(Locale.ROOT).toCharArray()) {
            node = node.next.computeIfAbsent(c, k -> new Node());
        }
        node.terminal = true;
    }

    private int longestMatch(String folded, int start) {
        Node node = root;
        int matched = -1;
        for (int i = start; i < folded.length() && node != null; i++) {
            node = node.next.get(folded.charAt(i));
            if (node != null && node.terminal && wordEnd(folded, i + 1)) {
                matched = i + 1;
            }
        }
        return matched;
    }

    private boolean reachesEnd(String folded, int start) {
        Node node = root;
        for (int i = start; i < folded.length(); i++) {
            node = node.next.get(folded.charAt(i));
            if (node == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordStart(String text, int i) {
        return Character.isLetterOrDigit(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    }

    private static boolean wordEnd(String text, int i) {
        return i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    private static final class Node {
        private final Map<Character, Node> next = new HashMap<>(4);
        private boolean terminal;
    }
}
