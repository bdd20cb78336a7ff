package dev.tollgate.usage.report;

/** The commas between the elements of a streamed JSON array: none before the first. One per subscription. */
final class Separator {

    private boolean first = true;

    String next() {
        if (first) {
            first = false;
            return "";
        }
        return ",";
    }
}
