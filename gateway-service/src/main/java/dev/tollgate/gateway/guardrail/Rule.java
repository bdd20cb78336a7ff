package dev.tollgate.gateway.guardrail;

/**
 * A published rule ready to run.
 *
 * @param detector what it looks for
 * @param action what it does on a match
 * @param reversible whether its redactions are numbered placeholders restored in the answer
 * @param policyId the policy it belongs to, for the audit log
 */
record Rule(Detector detector, Action action, boolean reversible, String policyId) {}
