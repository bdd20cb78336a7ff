package dev.tollgate.usage.report;

import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, and a field quoted (quotes doubled) when it holds a comma, quote, CR or LF. Text that
 * a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) gets a leading apostrophe, as OWASP
 * advises against CSV injection: end users and tags come from API callers.
 */
final class Csv {

    static final String CRLF = "\r\n";

    private Csv() {}

    /** One record from already-safe fields (numbers, column names, ids). */
    static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(fields.get(i)));
        }
        return line.append(CRLF).toString();
    }

    /** A field of free text, defused for spreadsheets. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String quoted(String field) {
        boolean quote = field.indexOf(',') >= 0
                || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
