package dev.tollgate.gateway.guardrail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which of a fixed set of short strings occur in a text, in one pass: each position's two characters index the
 * strings that start with them, and only those are compared. Far cheaper than one substring search per string when
 * there are dozens of them; used to skip injection rules none of whose trigger words occur.
 */
final class Triggers {

    private static final int ASCII = 128;

    @SuppressWarnings("unchecked")
    private final List<String>[] byPair = new List[ASCII * ASCII];

    Triggers(Set<String> triggers) {
        for (String trigger : triggers) {
            if (trigger.length() < 2 || trigger.charAt(0) >= ASCII || trigger.charAt(1) >= ASCII) {
                throw new IllegalArgumentException("a trigger needs two ASCII characters to start: " + trigger);
            }
            int pair = trigger.charAt(0) * ASCII + trigger.charAt(1);
            if (byPair[pair] == null) {
                byPair[pair] = new ArrayList<>(2);
            }
            byPair[pair].add(trigger);
        }
    }

    /** The triggers that occur in {@code text}. */
    Set<String> in(String text) {
        Set<String> present = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char first = text.charAt(i);
            char second = text.charAt(i + 1);
            List<String> candidates = first < ASCII && second < ASCII ? byPair[first * ASCII + second] : null;
            if (candidates != null) {
                for (String trigger : candidates) {
                    if (text.startsWith(trigger, i)) {
                        present.add(trigger);
                    }
                }
            }
        }
        return present;
    }
}
