package dev.tollgate.gateway.guardrail;

import dev.tollgate.gateway.usage.GuardrailTrail;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the decisions of one stage of one request as they are made: into the request's {@link GuardrailTrail} (its
 * usage event), the {@code tollgate.guardrail.decisions} counter and the audit log, each detector and action once.
 * The audit log ({@code tollgate.guardrail.audit} at INFO) names the request, tenant, key, stage, detector, action,
 * policy and number of matches, never the text that matched.
 */
final class Decisions {

    private static final Logger audit = LoggerFactory.getLogger("tollgate.guardrail.audit");

    private final Audience audience;
    private final String stage;
    private final GuardrailTrail trail;
    private final GuardrailMetrics metrics;
    private final Set<String> recorded = new HashSet<>();

    Decisions(Audience audience, String stage, GuardrailTrail trail, GuardrailMetrics metrics) {
        this.audience = audience;
        this.stage = stage;
        this.trail = trail;
        this.metrics = metrics;
    }

    /** {@code rule} matched {@code matches} times and its action was taken. */
    synchronized void matched(Rule rule, int matches) {
        matched(rule.detector().name(), rule.action(), rule.policyId(), matches);
    }

    synchronized void matched(String detector, Action action, String policyId, int matches) {
        trail.record(action.outcome(), List.of(detector));
        if (recorded.add(detector + ' ' + action)) {
            metrics.decided(detector, action, stage);
        }
        audit.info(
                "request={} tenant={} key={} stage={} detector={} action={} policy={} matches={}",
                audience.requestId(),
                audience.tenantId(),
                audience.keyId(),
                stage,
                detector,
                action.wire(),
                policyId,
                matches);
    }

    /**
     * Who a request is, for the audit log.
     *
     * @param requestId its {@code x-request-id}
     * @param tenantId its key's tenant
     * @param keyId its key's id
     */
    record Audience(String requestId, String tenantId, String keyId) {}
}
