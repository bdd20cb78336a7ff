package dev.tollgate.gateway.guardrail;

import java.util.List;

/**
 * Finds one kind of content in a text. Implementations are stateless and thread-safe, and linear in the text: no
 * unbounded backtracking, whatever the input.
 */
interface Detector {

    /** The detector's name as rules, metrics and usage events spell it, such as {@code pii.email}. */
    String name();

    /** The name of what it finds in placeholders and redaction marks, such as {@code EMAIL}. */
    String label();

    /** Every match in {@code text}, in order, not overlapping. */
    List<Finding> find(String text);

    /**
     * Where in {@code text}, the part of a streamed answer seen so far, a match could still be growing: text from this
     * index on is held back until more arrives. {@code text.length()} when nothing needs to wait.
     */
    int holdFrom(String text);
}
