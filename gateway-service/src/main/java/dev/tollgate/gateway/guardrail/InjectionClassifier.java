package dev.tollgate.gateway.guardrail;

/**
 * An optional model that scores user content for prompt injection, consulted for content the rules pack did not
 * already flag. None ships with the gateway: declare a bean of this type (an ONNX model, a call to a moderation
 * service) and its scores at or above {@code tollgate.guardrails.classifier-threshold} count as injection matches.
 * It runs on the request's thread, which may be an event loop: it must not block.
 */
public interface InjectionClassifier {

    /** How likely {@code text} is an injection or jailbreak attempt, from 0 to 1. */
    double score(String text);
}
