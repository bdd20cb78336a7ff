package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.guardrail.GuardrailRule;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4 addresses (four dot-separated numbers up to 255, not part of a longer dotted number or word, so a version such
 * as {@code v1.2.3.4} is not one) and IPv6 addresses (eight groups, or fewer with one {@code ::}, optionally ending
 * in an IPv4 address; times such as {@code 12:30:45} and MAC addresses are not).
 */
final class IpDetector implements Detector {

    private static final int MAX_IPV6 = 45;

    @Override
    public String name() {
        return GuardrailRule.IP;
    }

    @Override
    public String label() {
        return "IP_ADDRESS";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!startsRun(text, i)) {
                i++;
                continue;
            }
            int end = runEnd(text, i);
            int matched = matchedEnd(text, i, end);
            if (matched > i) {
                found.add(new Finding(i, matched));
            }
            i = end;
        }
        return found;
    }

    @Override
    public int holdFrom(String text) {
        return CharRuns.trailing(text, IpDetector::runChar, MAX_IPV6);
    }

    private static boolean startsRun(String text, int i) {
        char c = text.charAt(i);
        return (hex(c) || c == ':')
                && (i == 0 || !(runChar(text.charAt(i - 1)) || Character.isLetter(text.charAt(i - 1))));
    }

    private static int runEnd(String text, int from) {
        int end = from;
        while (end < text.length() && runChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    // The run without trailing punctuation, if it is an address and is not glued to a following word.
    private static int matchedEnd(String text, int start, int end) {
        int trimmed = end;
        while (trimmed > start && (text.charAt(trimmed - 1) == '.' || text.charAt(trimmed - 1) == ':')) {
            trimmed--;
        }
        if (trimmed - start > MAX_IPV6 || !CharRuns.boundaryAt(text, end)) {
            return start;
        }
        String candidate = text.substring(start, trimmed);
        int colon = candidate.indexOf(':');
        if (colon < 0) {
            return ipv4(candidate) ? trimmed : start;
        }
        if (ipv6(candidate)) {
            return trimmed;
        }
        // An IPv4 address with a port, as in 127.0.0.1:8080: the address is the match.
        boolean withPort = candidate.indexOf(':', colon + 1) < 0 && port(candidate.substring(colon + 1));
        return withPort && ipv4(candidate.substring(0, colon)) ? start + colon : start;
    }

    static boolean ipv4(String candidate) {
        String[] parts = candidate.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !digits(part) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean ipv6(String candidate) {
        int gap = candidate.indexOf("::");
        if (gap >= 0 && candidate.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] groups = (gap >= 0 ? candidate.replace("::", ":x:") : candidate).split(":", -1);
        int needed = 8;
        int counted = 0;
        for (int g = 0; g < groups.length; g++) {
            String group = groups[g];
            if (group.equals("x") || (group.isEmpty() && gap >= 0 && (g == 0 || g == groups.length - 1))) {
                continue;
            }
            if (g == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!ipv4(group)) {
                    return false;
                }
                needed = 6;
                continue;
            }
            if (group.isEmpty() || group.length() > 4 || !hexDigits(group)) {
                return false;
            }
            counted++;
        }
        return gap >= 0 ? counted < needed && counted >= 1 : counted == needed;
    }

    private static boolean port(String digits) {
        return !digits.isEmpty() && digits.length() <= 5 && digits(digits);
    }

    private static boolean runChar(char c) {
        return hex(c) || c == ':' || c == '.';
    }

    private static boolean hex(char c) {
        return CharRuns.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean digits(String part) {
        return part.chars().allMatch(c -> CharRuns.isDigit((char) c));
    }

    private static boolean hexDigits(String group) {
        return group.chars().allMatch(c -> hex((char) c));
    }
}
