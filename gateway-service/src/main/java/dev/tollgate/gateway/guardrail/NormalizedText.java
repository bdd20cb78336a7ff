package dev.tollgate.gateway.guardrail;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;

/**
 * A text folded so that simple obfuscation does not hide a phrase from the injection rules and deny lists: lower case;
 * accents, full-width forms and common Cyrillic and Greek look-alikes folded to ASCII; invisible characters (zero
 * width spaces, soft hyphens) dropped; digits and symbols inside words read as the letters they imitate
 * ({@code 1gn0r3} is {@code ignore}); letters spelled out one at a time ({@code i g n o r e}, {@code i.g.n.o.r.e})
 * joined; and every run of white space one space. Each folded character remembers where it came from, so a match can
 * be mapped back onto the original text.
 *
 * @param text the folded text
 * @param origin for each folded character, the index of the original character it came from
 */
record NormalizedText(String text, int[] origin) {

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('е', 'e'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('с', 'c'),
            Map.entry('у', 'y'),
            Map.entry('х', 'x'),
            Map.entry('і', 'i'),
            Map.entry('ј', 'j'),
            Map.entry('ѕ', 's'),
            Map.entry('һ', 'h'),
            Map.entry('ԁ', 'd'),
            Map.entry('ɡ', 'g'),
            Map.entry('ο', 'o'),
            Map.entry('α', 'a'),
            Map.entry('ε', 'e'),
            Map.entry('ι', 'i'),
            Map.entry('κ', 'k'),
            Map.entry('ν', 'v'),
            Map.entry('τ', 't'),
            Map.entry('υ', 'u'),
            Map.entry('ρ', 'p'));
    private static final int MIN_SPELLED = 4;

    // The injection rules and every deny list fold the same text one after the other: the last one is kept per thread.
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    /** {@code original} folded. */
    static NormalizedText of(String original) {
        Object[] last = LAST.get();
        if (last[0] == original) {
            return (NormalizedText) last[1];
        }
        NormalizedText folded = folded(original);
        last[0] = original;
        last[1] = folded;
        return folded;
    }

    private static NormalizedText folded(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] origin = new int[original.length() + 1];
        for (int i = 0; i < original.length(); i++) {
            char c = fold(original, i);
            if (c == 0) {
                continue;
            }
            origin[folded.length()] = i;
            folded.append(c);
        }
        return joinSpelled(folded, Arrays.copyOf(origin, folded.length()));
    }

    /** The original characters {@code [start, end)} of folded text came from. */
    Finding original(int start, int end) {
        return new Finding(origin[start], origin[end - 1] + 1);
    }

    private static char fold(String original, int i) {
        char c = original.charAt(i);
        if (c < 128) {
            return foldAscii(original, i, c);
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        if (Character.getType(c) == Character.FORMAT) {
            return 0;
        }
        char letter = unaccented(c);
        if (letter < 128) {
            return foldAscii(original, i, letter);
        }
        return Character.toLowerCase(letter);
    }

    private static char foldAscii(String original, int i, char c) {
        if (CharRuns.isAsciiLetter(c)) {
            return Character.toLowerCase(c);
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
            return ' ';
        }
        char letter = leet(c);
        return letter != 0 && insideWord(original, i) ? letter : c;
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '@' -> 'a';
            case '$' -> 's';
            default -> 0;
        };
    }

    private static char unaccented(char c) {
        Character lookAlike = LOOK_ALIKES.get(Character.toLowerCase(c));
        if (lookAlike != null) {
            return lookAlike;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
        return decomposed.isEmpty() || decomposed.charAt(0) >= 128 ? c : decomposed.charAt(0);
    }

    private static boolean insideWord(String original, int i) {
        return (i > 0 && Character.isLetter(original.charAt(i - 1)))
                || (i + 1 < original.length() && Character.isLetter(original.charAt(i + 1)));
    }

    // Joins runs such as "i g n o r e" or "i.g.n.o.r.e": single letters, each separated by exactly one non-letter
    // (two spaces end a word), and collapses white space once they are joined.
    private static NormalizedText joinSpelled(StringBuilder folded, int[] origin) {
        StringBuilder joined = new StringBuilder(folded.length());
        int[] joinedOrigin = new int[folded.length()];
        int i = 0;
        while (i < folded.length()) {
            int end = spelledRunEnd(folded, i);
            boolean spelled = end > i;
            int stop = spelled ? end : i + 1;
            for (int k = i; k < stop; k++) {
                char c = folded.charAt(k);
                boolean repeatedSpace = c == ' ' && (joined.isEmpty() || joined.charAt(joined.length() - 1) == ' ');
                if ((!spelled || Character.isLetter(c)) && !repeatedSpace) {
                    joinedOrigin[joined.length()] = origin[k];
                    joined.append(c);
                }
            }
            i = stop;
        }
        return new NormalizedText(joined.toString(), Arrays.copyOf(joinedOrigin, joined.length()));
    }

    private static int spelledRunEnd(CharSequence text, int start) {
        if (!singleLetterAt(text, start)) {
            return start;
        }
        int letters = 1;
        int end = start + 1;
        while (end + 1 < text.length()
                && !Character.isLetterOrDigit(text.charAt(end))
                && singleLetterAt(text, end + 1)) {
            letters++;
            end += 2;
        }
        if (letters < MIN_SPELLED) {
            return start;
        }
        // "i.g.n.o.r.e." : the separator after the last letter belongs to the run too.
        boolean trailing = end < text.length() && text.charAt(end) == text.charAt(end - 2) && text.charAt(end) != ' ';
        return trailing ? end + 1 : end;
    }

    private static boolean singleLetterAt(CharSequence text, int i) {
        return Character.isLetter(text.charAt(i))
                && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                && (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)));
    }
}
