package dev.tollgate.gateway.admission;

import dev.tollgate.gateway.ratelimit.Limits;
import dev.tollgate.gateway.ratelimit.Verdict;
import dev.tollgate.gateway.ratelimit.Verdict.Dimension;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reply of {@code admit.lua}, read.
 *
 * @param admitted whether everything admitted the request
 * @param verdicts one per limited subject, in the plan's order
 * @param deniedBudget the index of the blocking budget that refused it, {@code -1} when none did
 * @param spentAndHeld per blocking budget, its spend plus open holds after the decision, in nano-USD
 */
record AdmissionReply(boolean admitted, List<Verdict> verdicts, int deniedBudget, List<Long> spentAndHeld) {

    private static final int BUDGET = 3;

    static AdmissionReply of(AdmissionPlan plan, Object reply) {
        List<Long> values =
                ((List<?>) reply).stream().map(value -> (Long) value).toList();
        int kind = values.get(1).intValue();
        int index = values.get(2).intValue() - 1;
        long retry = values.get(3);
        List<Verdict> verdicts = new ArrayList<>();
        int at = 4;
        for (int s = 0; s < plan.subjects().size(); s++, at += 4) {
            Dimension denied = kind != BUDGET && kind != 0 && index == s ? Dimension.values()[kind - 1] : null;
            verdicts.add(verdict(plan.subjects().get(s), denied, retry, values.subList(at, at + 4)));
        }
        List<Long> spent = new ArrayList<>();
        for (; at < values.size(); at += 2) {
            spent.add(values.get(at) + values.get(at + 1));
        }
        return new AdmissionReply(values.get(0) == 1, verdicts, kind == BUDGET ? index : -1, spent);
    }

    private static Verdict verdict(Limits limits, @Nullable Dimension denied, long retry, List<Long> state) {
        long[] numbers = state.stream().mapToLong(Long::longValue).toArray();
        return Verdict.of(limits, denied, denied == null ? 0 : retry, numbers);
    }
}
