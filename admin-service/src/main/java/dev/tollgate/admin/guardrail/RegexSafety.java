package dev.tollgate.admin.guardrail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a national-id pattern is safe for the gateway to run on every prompt. {@code java.util.regex}
 * backtracks, so a repeated group that can match the same text in several ways, such as {@code (a+)+} or
 * {@code (a|ab)*}, takes exponential time on a prompt that almost matches. Such patterns, back-references and overlong
 * patterns are refused; what remains runs in polynomial time on bounded input.
 */
final class RegexSafety {

    static final int MAX_LENGTH = 200;
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\\\(?:[1-9]|k<)");

    private RegexSafety() {}

    /** Why {@code regex} is refused, or {@code null} when it is safe. */
    static @Nullable String problem(String regex) {
        if (regex.isBlank() || regex.length() > MAX_LENGTH) {
            return "must be 1 to " + MAX_LENGTH + " characters";
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException invalid) {
            return "is not a valid regular expression: " + invalid.getDescription();
        }
        if (BACK_REFERENCE.matcher(regex).find()) {
            return "must not use back-references";
        }
        if (new Scan(regex).nestedRepetition()) {
            return "must not repeat a group that itself varies in length or has alternatives, such as (a+)+ or"
                    + " (a|ab)*: it can take exponential time; use a character class such as [ab]+ instead";
        }
        return null;
    }

    /** One pass over a pattern that {@link Pattern#compile} accepted, tracking what each open group holds. */
    private static final class Scan {

        private final String regex;
        private final Deque<boolean[]> groups = new ArrayDeque<>();
        private int at;

        Scan(String regex) {
            this.regex = regex;
            groups.push(new boolean[1]);
        }

        boolean nestedRepetition() {
            while (at < regex.length()) {
                char c = regex.charAt(at++);
                switch (c) {
                    case '\\' -> skipEscape();
                    case '[' -> skipClass();
                    case '(' -> openGroup();
                    case '|' -> varies();
                    case ')' -> {
                        if (closeGroup()) {
                            return true;
                        }
                    }
                    case '*', '+', '?', '{' -> quantifier();
                    default -> {}
                }
            }
            return false;
        }

        /** Closes a group; true when it repeats while its own content varies. */
        private boolean closeGroup() {
            boolean inner = groups.pop()[0];
            Quantifier after = peekQuantifier();
            if (inner && after.repeats()) {
                return true;
            }
            if (inner || after.varies()) {
                varies();
            }
            at += after.length();
            return false;
        }

        private void openGroup() {
            groups.push(new boolean[1]);
            if (at >= regex.length() || regex.charAt(at) != '?') {
                return;
            }
            // (?:…), (?=…), (?<name>…), (?i:…) and the like: skip the construct, which is no quantifier.
            at++;
            if (at < regex.length() && regex.charAt(at) == '<') {
                int name = regex.indexOf('>', at);
                boolean lookbehind = at + 1 < regex.length() && "=!".indexOf(regex.charAt(at + 1)) >= 0;
                at = lookbehind || name < 0 ? at + 2 : name + 1;
                return;
            }
            while (at < regex.length() && (Character.isLetter(regex.charAt(at)) || regex.charAt(at) == '-')) {
                at++;
            }
            if (at < regex.length() && ":=!>".indexOf(regex.charAt(at)) >= 0) {
                at++;
            }
        }

        private void quantifier() {
            at--;
            Quantifier found = peekQuantifier();
            at += Math.max(1, found.length());
            if (found.varies()) {
                varies();
            }
        }

        private void varies() {
            groups.peek()[0] = true;
        }

        private Quantifier peekQuantifier() {
            if (at >= regex.length()) {
                return Quantifier.NONE;
            }
            char c = regex.charAt(at);
            Quantifier found = switch (c) {
                case '*', '+' -> new Quantifier(1, true, true);
                case '?' -> new Quantifier(1, true, false);
                case '{' -> braces();
                default -> Quantifier.NONE;
            };
            int end = at + found.length();
            // A lazy (?) or possessive (+) modifier belongs to the quantifier.
            if (found.length() > 0 && end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
                return new Quantifier(found.length() + 1, found.varies(), found.repeats());
            }
            return found;
        }

        private Quantifier braces() {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                return Quantifier.NONE;
            }
            String[] bounds = regex.substring(at + 1, close).split(",", -1);
            try {
                int min = Integer.parseInt(bounds[0].strip());
                Integer max = bounds.length == 1
                        ? Integer.valueOf(min)
                        : bounds[1].isBlank() ? null : Integer.valueOf(bounds[1].strip());
                boolean varies = max == null || max > min;
                return new Quantifier(close - at + 1, varies, max == null || max > 1);
            } catch (NumberFormatException literal) {
                return Quantifier.NONE;
            }
        }

        private void skipEscape() {
            if (at < regex.length() && regex.charAt(at) == 'Q') {
                int end = regex.indexOf("\\E", at);
                at = end < 0 ? regex.length() : end + 2;
            } else {
                at++;
            }
        }

        private void skipClass() {
            int depth = 1;
            if (at < regex.length() && regex.charAt(at) == '^') {
                at++;
            }
            if (at < regex.length() && regex.charAt(at) == ']') {
                at++;
            }
            while (at < regex.length() && depth > 0) {
                char c = regex.charAt(at++);
                if (c == '\\') {
                    at++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
            }
        }
    }

    /**
     * A quantifier as written.
     *
     * @param length its characters, 0 for none
     * @param varies whether the quantified atom may match different lengths
     * @param repeats whether the atom may occur more than once
     */
    private record Quantifier(int length, boolean varies, boolean repeats) {
        static final Quantifier NONE = new Quantifier(0, false, false);
    }
}
