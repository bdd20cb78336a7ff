package dev.tollgate.gateway.usage;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Reads the caller's own labels: {@code x-tollgate-tag-<name>: <value>} headers and {@code x-tollgate-user}. Bounded,
 * because they end up in every event: at most {@value #MAX_TAGS} tags (the first by name), names of
 * {@code [a-z0-9_.-]} up to {@value #MAX_NAME} characters (others ignored), values cut to {@value #MAX_VALUE}
 * characters, the end user to {@value #MAX_USER}.
 */
final class UsageTags {

    static final String TAG_HEADER_PREFIX = "x-tollgate-tag-";
    static final String USER_HEADER = "x-tollgate-user";
    static final int MAX_TAGS = 16;
    static final int MAX_NAME = 64;
    static final int MAX_VALUE = 256;
    static final int MAX_USER = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.\\-]{1," + MAX_NAME + "}");

    private UsageTags() {}

    static Map<String, String> of(HttpHeaders headers) {
        TreeMap<String, String> tags = new TreeMap<>();
        for (String header : headers.headerNames()) {
            String lower = header.toLowerCase(Locale.ROOT);
            String name = lower.startsWith(TAG_HEADER_PREFIX) ? lower.substring(TAG_HEADER_PREFIX.length()) : "";
            String value = headers.getFirst(header);
            if (NAME.matcher(name).matches() && value != null) {
                tags.put(name, cut(value.strip(), MAX_VALUE));
            }
        }
        while (tags.size() > MAX_TAGS) {
            tags.pollLastEntry();
        }
        return tags;
    }

    static @Nullable String endUser(HttpHeaders headers) {
        return bounded(headers.getFirst(USER_HEADER));
    }

    static @Nullable String bounded(@Nullable String user) {
        return user == null || user.isBlank() ? null : cut(user.strip(), MAX_USER);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
