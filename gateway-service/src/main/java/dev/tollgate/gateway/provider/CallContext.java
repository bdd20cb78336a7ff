package dev.tollgate.gateway.provider;

/**
 * What an adapter may know about the caller's request besides its body.
 *
 * @param requestId the {@code x-request-id} of the call, forwarded upstream for tracing
 */
public record CallContext(String requestId) {}
