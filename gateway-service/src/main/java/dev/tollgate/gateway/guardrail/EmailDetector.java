package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses: a local part of up to 64 characters, {@code @}, and a domain of dot-separated labels ending in an
 * alphabetic top-level domain. Found by scanning out from each {@code @}, not by a regular expression, so the cost
 * stays linear on any input.
 */
final class EmailDetector implements Detector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    // File names such as icon@2x.png end in these, and none of them is a top-level domain.
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "pdf", "js", "mjs", "ts", "css", "json", "txt",
            "md", "java", "py", "yml", "yaml", "xml", "html", "htm", "csv", "log", "lock", "tgz", "gz");

    @Override
    public String name() {
        return GuardrailRule.EMAIL;
    }

    @Override
    public String label() {
        return "EMAIL";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        int at = text.indexOf('@');
        while (at >= 0) {
            Finding finding = around(text, at);
            if (finding != null) {
                found.add(finding);
            }
            at = text.indexOf('@', finding == null ? at + 1 : finding.end());
        }
        return found;
    }

    @Override
    public int holdFrom(String text) {
        return CharRuns.trailing(text, c -> local(c) || c == '@', MAX_LOCAL + MAX_DOMAIN + 1);
    }

    private static @Nullable Finding around(String text, int at) {
        int start = at;
        while (start > 0 && at - start < MAX_LOCAL && local(text.charAt(start - 1))) {
            start--;
        }
        while (start < at && text.charAt(start) == '.') {
            start++;
        }
        if (start == at || (start > 0 && local(text.charAt(start - 1)) && text.charAt(start - 1) != '.')) {
            return null;
        }
        int end = at + 1;
        while (end < text.length() && end - at <= MAX_DOMAIN && domain(text.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        return validDomain(text, at + 1, end) && !sshRemote(text, end) ? new Finding(start, end) : null;
    }

    // git@github.com:org/repo.git is an SSH remote, not someone's address.
    private static boolean sshRemote(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == ':' && !Character.isWhitespace(text.charAt(end + 1));
    }

    private static boolean validDomain(String text, int from, int to) {
        int lastDot = to - 1;
        while (lastDot >= from && text.charAt(lastDot) != '.') {
            lastDot--;
        }
        if (lastDot < from || to - lastDot - 1 < 2 || to - lastDot - 1 > 24) {
            return false;
        }
        for (int i = lastDot + 1; i < to; i++) {
            if (!CharRuns.isAsciiLetter(text.charAt(i))) {
                return false;
            }
        }
        if (FILE_EXTENSIONS.contains(text.substring(lastDot + 1, to).toLowerCase(Locale.ROOT))) {
            return false;
        }
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                if (i == labelStart || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            }
        }
        return true;
    }

    private static boolean local(char c) {
        return CharRuns.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean domain(char c) {
        return CharRuns.isAsciiAlnum(c) || c == '.' || c == '-';
    }
}
