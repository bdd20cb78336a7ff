package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys and secrets: known key formats (OpenAI and Anthropic {@code sk-…}, AWS {@code AKIA…}/{@code ASIA…},
 * GitHub {@code ghp_…} and friends, Slack {@code xox…}, Google {@code AIza…}, Stripe, GitLab), JSON Web Tokens, PEM
 * private keys, values assigned to names such as {@code password=} or {@code api_key:} or sent as a bearer token, and
 * other high-entropy tokens: 24 to 512 characters mixing upper case, lower case and digits with at least
 * {@value #MIN_ENTROPY} bits of entropy per character (so hex digests, UUIDs and long identifiers are not secrets).
 * Every quantifier is bounded and every alternative starts with a literal, so matching stays linear.
 */
final class SecretDetector implements Detector {

    private static final List<KnownFormat> KNOWN = List.of(
            new KnownFormat("sk-", "sk-(?:proj-|ant-(?:api\\d\\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}"),
            new KnownFormat("AKIA", "AKIA[0-9A-Z]{16}"),
            new KnownFormat("ASIA", "ASIA[0-9A-Z]{16}"),
            new KnownFormat("gh", "gh[pousr]_[A-Za-z0-9]{36,251}"),
            new KnownFormat("github_pat_", "github_pat_[A-Za-z0-9_]{22,255}"),
            new KnownFormat("xox", "xox[abposr]-[A-Za-z0-9-]{10,250}"),
            new KnownFormat("AIza", "AIza[0-9A-Za-z_-]{35}"),
            new KnownFormat("k_live_", "[rs]k_live_[A-Za-z0-9]{16,247}"),
            new KnownFormat("k_test_", "[rs]k_test_[A-Za-z0-9]{16,247}"),
            new KnownFormat("glpat-", "glpat-[A-Za-z0-9_-]{20,64}"),
            new KnownFormat("eyJ", "eyJ[A-Za-z0-9_-]{8,2000}\\.[A-Za-z0-9_-]{8,8000}\\.[A-Za-z0-9_-]{8,2000}"));
    private static final List<String> ASSIGNED_HINTS = List.of("pass", "pwd", "secret", "token", "key", "bearer");
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)(?:password|passwd|pwd|secret|client_secret|token|api[_-]?key|access[_-]?key|auth[_-]?token)"
                    + "[\"']?[ \\t]{0,3}[:=][ \\t]{0,3}[\"']?([^\\s\"',;]{6,200})"
                    + "|Bearer[ \\t]{1,3}([A-Za-z0-9._~+/-]{16,2000}=*)");
    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final Pattern PEM_PRIVATE = Pattern.compile("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----");
    private static final String PEM_END = "-----END ";
    private static final int MAX_PEM = 16_384;
    private static final int MIN_TOKEN = 24;
    private static final int MAX_TOKEN = 512;
    private static final double MIN_ENTROPY = 4.0;

    @Override
    public String name() {
        return GuardrailRule.SECRET;
    }

    @Override
    public String label() {
        return "SECRET";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        pemKeys(text, found);
        KNOWN.forEach(format -> format.find(text, found));
        assigned(text, found);
        highEntropy(text, found);
        return Findings.merged(found);
    }

    // An unfinished PEM block holds everything from its header; otherwise the last token might still grow.
    @Override
    public int holdFrom(String text) {
        int begin = text.lastIndexOf(PEM_BEGIN);
        if (begin >= 0 && text.indexOf(PEM_END, begin) < 0 && text.length() - begin < MAX_PEM) {
            return begin;
        }
        int dashes = CharRuns.trailing(text, c -> c == '-', 5);
        return dashes < text.length() ? dashes : CharRuns.trailing(text, SecretDetector::tokenChar, MAX_TOKEN);
    }

    private static void pemKeys(String text, List<Finding> found) {
        int begin = text.indexOf(PEM_BEGIN);
        while (begin >= 0) {
            Matcher header = PEM_PRIVATE.matcher(text).region(begin, Math.min(text.length(), begin + 80));
            int next = begin + PEM_BEGIN.length();
            if (header.lookingAt()) {
                int end = pemEnd(text, header.end());
                found.add(new Finding(begin, end));
                next = end;
            }
            begin = text.indexOf(PEM_BEGIN, next);
        }
    }

    // Through the end marker's closing dashes, or, without one, as far as a key could reach: redact too much, not less.
    private static int pemEnd(String text, int from) {
        int end = text.indexOf(PEM_END, from);
        if (end < 0 || end - from > MAX_PEM) {
            return Math.min(text.length(), from + MAX_PEM);
        }
        int close = text.indexOf("-----", end + PEM_END.length());
        return close < 0 || close - end > 80 ? Math.min(text.length(), end + PEM_END.length()) : close + 5;
    }

    private static void assigned(String text, List<Finding> found) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (ASSIGNED_HINTS.stream().noneMatch(lower::contains)) {
            return;
        }
        Matcher matcher = ASSIGNED.matcher(text);
        while (matcher.find()) {
            int group = matcher.start(1) >= 0 ? 1 : 2;
            found.add(new Finding(matcher.start(group), matcher.end(group)));
        }
    }

    private static void highEntropy(String text, List<Finding> found) {
        int i = 0;
        while (i < text.length()) {
            if (!tokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && tokenChar(text.charAt(end))) {
                end++;
            }
            if (end - i >= MIN_TOKEN && end - i <= MAX_TOKEN && looksRandom(text, i, end)) {
                found.add(new Finding(i, end));
            }
            i = end;
        }
    }

    static boolean looksRandom(String text, int start, int end) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int[] counts = new int[128];
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= CharRuns.isDigit(c);
            counts[c]++;
        }
        return upper && lower && digit && entropy(counts, end - start) >= MIN_ENTROPY;
    }

    private static double entropy(int[] counts, int length) {
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * Math.log(p);
            }
        }
        return bits / Math.log(2);
    }

    private static boolean keyChar(char c) {
        return CharRuns.isAsciiAlnum(c) || c == '_' || c == '-';
    }

    private static boolean tokenChar(char c) {
        return CharRuns.isAsciiAlnum(c) || c == '_' || c == '-' || c == '+' || c == '=';
    }

    /**
     * A key format that starts with a literal: found by searching for the literal, then matching the pattern there,
     * so the pattern never runs where the literal is absent.
     *
     * @param prefix the literal every key of the format contains at its start (or just after its first character)
     * @param pattern the whole key
     */
    private record KnownFormat(String prefix, Pattern pattern) {

        KnownFormat(String prefix, String pattern) {
            this(prefix, Pattern.compile(pattern));
        }

        void find(String text, List<Finding> found) {
            int at = text.indexOf(prefix);
            while (at >= 0) {
                int start = pattern.pattern().startsWith("[") ? at - 1 : at;
                int next = at + 1;
                if (start >= 0 && (start == 0 || !keyChar(text.charAt(start - 1)))) {
                    Matcher matcher = pattern.matcher(text).region(start, text.length());
                    if (matcher.lookingAt()
                            && (matcher.end() == text.length() || !keyChar(text.charAt(matcher.end())))) {
                        found.add(new Finding(start, matcher.end()));
                        next = matcher.end();
                    }
                }
                at = text.indexOf(prefix, next);
            }
        }
    }
}
