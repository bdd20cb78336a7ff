package dev.tollgate.gateway.template;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Logic-less substitution of {@code {{name}}} placeholders (spaces inside the braces allowed), exactly as the admin
 * service's preview renders them. One left-to-right pass: each placeholder is replaced by its value as text and the
 * scan continues <em>after</em> the placeholder in the template, so a value is never scanned again; a value of
 * {@code {{secret}}} stays exactly that. Braces around anything that is not a variable name are kept as written.
 */
final class TemplateRenderer {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private TemplateRenderer() {}

    /** {@code text} with every placeholder replaced; a name missing from {@code values} is an error. */
    static String render(String text, Map<String, String> values) {
        return scan(text, name -> {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for " + name);
            }
            return value;
        });
    }

    private static String scan(String text, Function<String, String> replacement) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                out.append(text, at, text.length());
                break;
            }
            String name = text.substring(open + 2, close).strip();
            if (NAME.matcher(name).matches()) {
                out.append(text, at, open).append(replacement.apply(name));
                at = close + 2;
            } else {
                // Not a placeholder: keep the opening braces and look for the next one right after them.
                out.append(text, at, open + 2);
                at = open + 2;
            }
        }
        return out.toString();
    }
}
