package dev.tollgate.gateway.guardrail;

/**
 * A request as its guardrails let it go on, and what they will do to its answer.
 *
 * @param request the request, with what the input rules redacted replaced
 * @param guard the checks of its answer; {@link ResponseGuard#NONE} when there are none
 * @param <T> the request's contract record
 */
public record Screened<T>(T request, ResponseGuard guard) {}
