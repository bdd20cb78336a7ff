package dev.tollgate.gateway.guardrail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Operations on lists of {@link Finding}s. */
final class Findings {

    private Findings() {}

    /** {@code found} in text order with overlapping findings merged into one. */
    static List<Finding> merged(List<Finding> found) {
        if (found.size() < 2) {
            return found;
        }
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Finding::start));
        List<Finding> merged = new ArrayList<>();
        Finding current = sorted.get(0);
        for (Finding next : sorted.subList(1, sorted.size())) {
            if (next.start() < current.end()) {
                current = new Finding(current.start(), Math.max(current.end(), next.end()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }
}
