/**
 * Guardrails on the data plane: the policies published for the platform, a tenant, a key and a route, screening a
 * request before any provider sees it (PII redaction, reversible or not, prompt-injection rules, deny lists) and the
 * answer before its caller does (PII leaking back, deny lists, JSON schema validity), streams included. Fails closed:
 * a request whose policies cannot be read and were never seen is refused, see {@link PublishedGuardrails}.
 */
@NullMarked
package dev.tollgate.gateway.guardrail;

import org.jspecify.annotations.NullMarked;
