package dev.tollgate.model.prompt;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Logic-less substitution of {@code {{name}}} placeholders (spaces inside the braces allowed). One left-to-right pass:
 * each placeholder is replaced by its value as text and the scan continues <em>after</em> the placeholder in the
 * template, so a value is never scanned again; a value of {@code {{secret}}} stays exactly that. Braces around
 * anything that is not a variable name are kept as written. No template engine, so there is nothing to inject.
 *
 * <p>The console's preview and the gateway must render a template identically, which is why this one rule lives in
 * the shared contract rather than once in each service.
 */
public final class Placeholders {

    /** What a variable's name may be. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private Placeholders() {}

    /** The distinct placeholder names in {@code text}, in order of first use. */
    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        scan(text, name -> {
            names.add(name);
            return "";
        });
        return names;
    }

    /**
     * {@code text} with every placeholder replaced.
     *
     * @throws IllegalArgumentException when a placeholder's name is not in {@code values}
     */
    public static String render(String text, Map<String, String> values) {
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
