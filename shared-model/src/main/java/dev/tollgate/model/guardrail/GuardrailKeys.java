package dev.tollgate.model.guardrail;

import java.util.regex.Pattern;

/**
 * The Redis layout of published guardrail policies, an addition to {@code dev.tollgate.model.config.ConfigKeys}.
 *
 * <pre>
 * tollgate:guardrail:{scope}:{scope_id}   JSON list of GuardrailPolicy (enabled ones only); absent when none
 * tollgate:config:changes                 ConfigChange {"kind":"guardrail","id":"{scope}:{scope_id}"} after each change
 * </pre>
 *
 * <p>{@code scope} is {@code global} (with scope id {@value #GLOBAL_ID}), {@code tenant}, {@code key} or
 * {@code route} (the public model name as scope id).
 */
public final class GuardrailKeys {

    /** The {@code ConfigChange.kind} announcing a guardrail policy change. */
    public static final String CHANGE_KIND = "guardrail";

    /** The scope id of platform-wide policies. */
    public static final String GLOBAL_ID = "all";

    /** What SCAN matches before {@link #PUBLISHED} filters it. */
    public static final String SCAN_PATTERN = "tollgate:guardrail:*";

    /** Every published policy key and nothing else. */
    public static final Pattern PUBLISHED = Pattern.compile("^tollgate:guardrail:(global|tenant|key|route):.+$");

    private GuardrailKeys() {}

    /** The key holding the policies of one scope. */
    public static String policies(String scope, String scopeId) {
        return "tollgate:guardrail:" + changeId(scope, scopeId);
    }

    /** The {@code ConfigChange.id} for a change to the policies of one scope. */
    public static String changeId(String scope, String scopeId) {
        return scope + ":" + scopeId;
    }
}
