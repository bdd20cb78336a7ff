package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * IBANs: a country code, two check digits and the country's account format, contiguous or in groups separated by
 * single spaces, exactly as long as that country's IBANs are, with check digits that pass ISO 13616's mod-97 check.
 * Upper case only, as IBANs are printed.
 */
final class IbanDetector implements Detector {

    // ISO 13616 registry (SWIFT release 2024): the length of each country's IBANs.
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    private static final int MAX_WRITTEN = 34 + 8;

    @Override
    public String name() {
        return GuardrailRule.IBAN;
    }

    @Override
    public String label() {
        return "IBAN";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i + 4 <= text.length(); i++) {
            Finding iban = startsAt(text, i) ? at(text, i) : null;
            if (iban != null) {
                found.add(iban);
                i = iban.end() - 1;
            }
        }
        return found;
    }

    // The earliest place in the last few characters where an IBAN may have begun and not ended yet.
    @Override
    public int holdFrom(String text) {
        int from = CharRuns.trailing(text, c -> upperOrDigit(c) || c == ' ', MAX_WRITTEN);
        for (int i = from; i < text.length(); i++) {
            if (upper(text.charAt(i)) && CharRuns.boundaryAt(text, i - 1) && couldStart(text, i)) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean startsAt(String text, int i) {
        return upper(text.charAt(i))
                && upper(text.charAt(i + 1))
                && CharRuns.isDigit(text.charAt(i + 2))
                && CharRuns.isDigit(text.charAt(i + 3))
                && CharRuns.boundaryAt(text, i - 1)
                && LENGTHS.containsKey(text.substring(i, i + 2));
    }

    private static boolean couldStart(String text, int i) {
        String begun = text.substring(i, Math.min(text.length(), i + 4));
        for (int k = 0; k < begun.length(); k++) {
            boolean fits = k < 2 ? upper(begun.charAt(k)) : CharRuns.isDigit(begun.charAt(k));
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Finding at(String text, int start) {
        int length = LENGTHS.get(text.substring(start, start + 2));
        StringBuilder iban = new StringBuilder(length);
        int i = start;
        while (i < text.length() && iban.length() < length) {
            char c = text.charAt(i);
            if (upperOrDigit(c)) {
                iban.append(c);
            } else if (!(c == ' ' && i + 1 < text.length() && upperOrDigit(text.charAt(i + 1)) && iban.length() > 0)) {
                break;
            }
            i++;
        }
        boolean complete = iban.length() == length && CharRuns.boundaryAt(text, i);
        return complete && checksum(iban) ? new Finding(start, i) : null;
    }

    // ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10..35, the number mod 97 is 1.
    static boolean checksum(CharSequence iban) {
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            int value = CharRuns.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean upperOrDigit(char c) {
        return upper(c) || CharRuns.isDigit(c);
    }
}
