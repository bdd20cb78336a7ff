package dev.tollgate.admin.prompt;

import java.util.List;

/**
 * The line diff between two versions, as {@code GET /api/v1/templates/{id}/versions/{a}/diff/{b}} answers it.
 *
 * @param from the version compared from
 * @param to the version compared to
 * @param changed whether the two differ at all
 * @param lines every line of both, in reading order
 */
record VersionDiff(int from, int to, boolean changed, List<Line> lines) {

    /**
     * @param op {@code same}, {@code removed} (only in {@code from}) or {@code added} (only in {@code to})
     * @param text the line without its end
     */
    record Line(String op, String text) {

        static Line same(String text) {
            return new Line("same", text);
        }

        static Line removed(String text) {
            return new Line("removed", text);
        }

        static Line added(String text) {
            return new Line("added", text);
        }

        /** The unified-diff marker, for the console. */
        public String marker() {
            return switch (op) {
                case "removed" -> "-";
                case "added" -> "+";
                default -> " ";
            };
        }
    }
}
