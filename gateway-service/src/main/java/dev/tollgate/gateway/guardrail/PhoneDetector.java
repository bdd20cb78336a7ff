package dev.tollgate.gateway.guardrail;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phone numbers, recognised with libphonenumber: a run of digits and the usual separators ({@code + ( ) - . /} and
 * spaces) with 7 to 16 digits is a phone number when libphonenumber finds it valid, in international format
 * ({@code +44 20 7946 0958}, {@code 0044 …}) or in the national format of one of the configured regions. Runs shaped
 * like dates or IPv4 addresses are not, and a bare run of digits (no {@code +}, brackets or separators) only counts
 * after a word such as "phone", "call" or "number", so order ids and amounts are left alone.
 *
 * <p>libphonenumber reads its metadata from the classpath on first use; all of it is loaded here, at startup, so no
 * request ever waits on that read (and no event loop blocks on it).
 */
final class PhoneDetector implements Detector {

    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 16;
    // No country's national format is longer; card numbers (15 to 19 digits) are longer.
    private static final int MAX_NATIONAL_DIGITS = 14;
    private static final int MAX_WRITTEN = 28;
    private static final int CONTEXT = 40;
    private static final Pattern DATE =
            Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2}/\\d{4}");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern CONTEXT_WORDS = Pattern.compile(
            "phone|tel\\b|tel\\.|call|mobile|cell|whatsapp|fax|contact|reach|text me|sms|dial|hotline|number|"
                    + "telefon|t[ée]l[ée]phone|handy|m[óo]vil|portable|cellulare");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    PhoneDetector(List<String> regions) {
        this.regions =
                regions.stream().map(region -> region.toUpperCase(Locale.ROOT)).toList();
        preload(phones);
    }

    private static void preload(PhoneNumberUtil phones) {
        phones.getSupportedRegions().forEach(phones::getExampleNumber);
        phones.getSupportedGlobalNetworkCallingCodes().forEach(phones::getExampleNumberForNonGeoEntity);
    }

    @Override
    public String name() {
        return GuardrailRule.PHONE;
    }

    @Override
    public String label() {
        return "PHONE";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!startsCandidate(text, i)) {
                i++;
                continue;
            }
            int end = candidateEnd(text, i);
            if (isPhone(text, i, end)) {
                found.add(new Finding(i, end));
            }
            i = Math.max(end, i + 1);
        }
        return found;
    }

    @Override
    public int holdFrom(String text) {
        int from = CharRuns.trailing(text, c -> CharRuns.isDigit(c) || separator(c) || c == '+', MAX_WRITTEN);
        while (from < text.length() && !(CharRuns.isDigit(text.charAt(from)) || text.charAt(from) == '+')) {
            from++;
        }
        return from;
    }

    private static boolean startsCandidate(String text, int i) {
        char c = text.charAt(i);
        boolean opens = CharRuns.isDigit(c) || ((c == '+' || c == '(') && i + 1 < text.length());
        return opens && CharRuns.boundaryAt(text, i - 1) && (i == 0 || !isJoiner(text.charAt(i - 1)));
    }

    // A run of digits and separators, ending on a digit (or a closing bracket after one).
    private static int candidateEnd(String text, int start) {
        int end = start;
        int lastDigit = -1;
        int digits = 0;
        for (int i = start; i < text.length() && digits <= MAX_DIGITS; i++) {
            char c = text.charAt(i);
            if (CharRuns.isDigit(c)) {
                digits++;
                lastDigit = i;
            } else if (!(separator(c) || (c == '+' && i == start))
                    || (c == ' ' && i > 0 && text.charAt(i - 1) == ' ')) {
                break;
            }
            end = i + 1;
        }
        return lastDigit < 0 ? start + 1 : Math.min(end, lastDigit + 1);
    }

    private boolean isPhone(String text, int start, int end) {
        String candidate = text.substring(start, end);
        int digits = digitCount(candidate);
        if (digits < MIN_DIGITS || digits > MAX_DIGITS || !CharRuns.boundaryAt(text, end) || notAPhone(candidate)) {
            return false;
        }
        boolean international = candidate.startsWith("+") || candidate.startsWith("00");
        if (!international && digits > MAX_NATIONAL_DIGITS) {
            return false;
        }
        if (bare(candidate) && !afterContextWord(text, start)) {
            return false;
        }
        return candidate.startsWith("+")
                ? valid(candidate, "ZZ")
                : regions.stream().anyMatch(r -> valid(candidate, r));
    }

    private static boolean notAPhone(String candidate) {
        long dots = candidate.chars().filter(c -> c == '.').count();
        return DATE.matcher(candidate).lookingAt()
                || DOTTED_QUAD.matcher(candidate).matches()
                || (dots == 1 && candidate.chars().noneMatch(c -> c == ' ' || c == '-'));
    }

    private static boolean bare(String candidate) {
        return candidate.chars().allMatch(c -> CharRuns.isDigit((char) c));
    }

    private static boolean afterContextWord(String text, int start) {
        String before = text.substring(Math.max(0, start - CONTEXT), start).toLowerCase(Locale.ROOT);
        return CONTEXT_WORDS.matcher(before).find();
    }

    private boolean valid(String candidate, String region) {
        try {
            return phones.isValidNumber(phones.parse(candidate, region));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }

    private static int digitCount(String candidate) {
        return (int) candidate.chars().filter(c -> CharRuns.isDigit((char) c)).count();
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
    }

    // A number glued to a preceding dot, colon or dash belongs to something else (a version, a time, an id).
    private static boolean isJoiner(char c) {
        return c == '.' || c == ':' || c == '-' || c == '/' || c == '#' || c == '_';
    }
}
