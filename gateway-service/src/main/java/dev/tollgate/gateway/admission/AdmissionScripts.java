package dev.tollgate.gateway.admission;

import dev.tollgate.gateway.budget.BudgetCharge;
import dev.tollgate.gateway.ratelimit.Limits;
import dev.tollgate.gateway.redis.RedisScript;
import dev.tollgate.gateway.redis.ScriptCall;
import dev.tollgate.model.budget.BudgetKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two admission scripts and the layout of their {@code KEYS} and {@code ARGV} (documented in the scripts). Loaded
 * once at start-up: reading a resource blocks, which must never happen on an event loop.
 */
final class AdmissionScripts {

    private final RedisScript admit = load("admit.lua");
    private final RedisScript settle = load("settle.lua");

    ScriptCall admit(AdmissionPlan plan, Duration holdTtl, Duration sweepInterval) {
        List<BudgetCharge> blocking = plan.blocking();
        List<String> keys = new ArrayList<>();
        plan.subjects().forEach(limits -> keys.addAll(List.of(limits.requestsKey(), limits.tokensKey())));
        blocking.forEach(charge -> keys.addAll(charge.admissionKeys()));
        List<String> args = new ArrayList<>(List.of(
                String.valueOf(Limits.WINDOW_MICROS),
                String.valueOf(plan.tokens()),
                String.valueOf(plan.subjects().size()),
                String.valueOf(blocking.size()),
                plan.eventId(),
                String.valueOf(holdTtl.toNanos() / 1000),
                String.valueOf(sweepInterval.toMillis())));
        plan.subjects().forEach(limits -> args.addAll(numbers(limits.requests(), limits.tokens())));
        blocking.forEach(
                charge -> args.addAll(numbers(charge.limitNanos(), charge.holdNanos(), charge.expireAtSeconds())));
        return new ScriptCall(admit, keys, args);
    }

    /**
     * The settle of a request that used {@code tokenDelta} more tokens than it was charged (negative: fewer) and cost
     * {@code costNanos}; {@code subjects} are the limits whose tokens to correct.
     */
    ScriptCall settle(AdmissionPlan plan, List<Limits> subjects, long tokenDelta, long costNanos, Instant now) {
        List<String> keys = new ArrayList<>();
        subjects.forEach(limits -> keys.add(limits.tokensKey()));
        plan.charges().forEach(charge -> keys.addAll(charge.settleKeys()));
        keys.add(BudgetKeys.ALERTS_STREAM);
        List<String> args = new ArrayList<>(List.of(
                String.valueOf(Limits.WINDOW_MICROS),
                String.valueOf(tokenDelta),
                String.valueOf(subjects.size()),
                String.valueOf(plan.charges().size()),
                plan.eventId()));
        subjects.forEach(limits -> args.add(String.valueOf(limits.tokens())));
        plan.charges().forEach(charge -> args.addAll(budgetArgs(charge, costNanos, now)));
        return new ScriptCall(settle, keys, args);
    }

    private static List<String> budgetArgs(BudgetCharge charge, long costNanos, Instant now) {
        List<String> args = new ArrayList<>(numbers(costNanos, charge.limitNanos(), charge.expireAtSeconds()));
        args.add(charge.alertIdPrefix());
        List<Integer> thresholds = charge.budget().thresholds() == null
                ? List.of()
                : charge.budget().thresholds();
        args.add(String.valueOf(thresholds.size()));
        thresholds.forEach(threshold -> args.add(String.valueOf(threshold)));
        List<String> fields = charge.alertFields(now);
        args.add(String.valueOf(fields.size()));
        args.addAll(fields);
        return args;
    }

    private static List<String> numbers(long... values) {
        List<String> strings = new ArrayList<>();
        for (long value : values) {
            strings.add(String.valueOf(value));
        }
        return strings;
    }

    private static RedisScript load(String name) {
        try (InputStream in = AdmissionScripts.class.getResourceAsStream("/admission/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name);
            }
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
