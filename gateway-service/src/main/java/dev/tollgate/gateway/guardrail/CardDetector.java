package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Payment card numbers: 13 to 19 digits, contiguous or in groups separated by single spaces or dashes (one kind per
 * number), starting like a card network's numbers (2, 3, 4, 5 or 6) and passing the Luhn check. A longer run of
 * grouped digits is tried at each group boundary, so a card number followed by an expiry year is still found.
 */
final class CardDetector implements Detector {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    @Override
    public String name() {
        return GuardrailRule.CARD;
    }

    @Override
    public String label() {
        return "CARD_NUMBER";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!CharRuns.isDigit(text.charAt(i)) || !CharRuns.boundaryAt(text, i - 1)) {
                i++;
                continue;
            }
            Run run = Run.from(text, i);
            Finding card = run.card(text);
            if (card != null) {
                found.add(card);
            }
            i = Math.max(run.end(), i + 1);
        }
        return found;
    }

    @Override
    public int holdFrom(String text) {
        int from = CharRuns.trailing(text, c -> CharRuns.isDigit(c) || c == ' ' || c == '-', MAX_DIGITS + 6);
        while (from < text.length() && !CharRuns.isDigit(text.charAt(from))) {
            from++;
        }
        return from;
    }

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    // Visa 4; Mastercard 51-55 and 2221-2720; Mir 2200-2204; Amex 34/37, Diners 30/36/38/39, JCB 35; Maestro and
    // others 5x and 6x. Numbers starting with 0, 1, 7, 8 or 9 are account numbers, ids and phone numbers.
    static boolean networkPrefix(CharSequence digits) {
        int two = Integer.parseInt(digits.subSequence(0, 2).toString());
        int four = Integer.parseInt(digits.subSequence(0, 4).toString());
        return switch (digits.charAt(0)) {
            case '2' -> (four >= 2200 && four <= 2204) || (four >= 2221 && four <= 2720);
            case '3' -> two == 30 || (two >= 34 && two <= 39);
            case '4', '5', '6' -> true;
            default -> false;
        };
    }

    /**
     * A run of digit groups starting at a word boundary.
     *
     * @param start where the run starts in the text
     * @param digits the digits without separators
     * @param groupEnds for each group, the digit count up to its end and its end index in the text
     * @param end where the run ends in the text
     */
    private record Run(int start, String digits, List<int[]> groupEnds, int end) {

        static Run from(String text, int start) {
            StringBuilder digits = new StringBuilder();
            List<int[]> groupEnds = new ArrayList<>();
            char separator = 0;
            int i = start;
            while (i < text.length() && digits.length() <= MAX_DIGITS + 4) {
                char c = text.charAt(i);
                if (CharRuns.isDigit(c)) {
                    digits.append(c);
                    i++;
                    continue;
                }
                groupEnds.add(new int[] {digits.length(), i});
                boolean joins = (c == ' ' || c == '-') && (separator == 0 || separator == c);
                if (!joins || i + 1 >= text.length() || !CharRuns.isDigit(text.charAt(i + 1))) {
                    return new Run(start, digits.toString(), groupEnds, i);
                }
                separator = c;
                i++;
            }
            groupEnds.add(new int[] {digits.length(), i});
            return new Run(start, digits.toString(), groupEnds, i);
        }

        // The longest prefix ending at a group boundary that is a card number; only the whole run when the digits
        // continue into a word or number.
        @Nullable
        Finding card(String text) {
            for (int g = groupEnds.size() - 1; g >= 0; g--) {
                int count = groupEnds.get(g)[0];
                int at = groupEnds.get(g)[1];
                boolean last = g == groupEnds.size() - 1;
                if (last && !CharRuns.boundaryAt(text, at)) {
                    continue;
                }
                if (count >= MIN_DIGITS && count <= MAX_DIGITS && isCard(digits.substring(0, count))) {
                    return new Finding(start, at);
                }
            }
            return null;
        }

        private static boolean isCard(String digits) {
            return networkPrefix(digits) && luhn(digits);
        }
    }
}
