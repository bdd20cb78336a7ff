package dev.tollgate.gateway.cache.semantic;

/**
 * One answered prompt the semantic cache can match.
 *
 * @param entryKey its Redis key
 * @param tenantId its tenant
 * @param routeTag its route's tag
 * @param scope the hash of what besides the last user turn must be equal for a match
 * @param vector the last user turn's unit embedding
 * @param answerKey the Redis key of the answer, as the exact cache stores it
 * @param expiresAtMillis when it expires with its answer, in epoch milliseconds
 */
record SemanticEntry(
        String entryKey,
        String tenantId,
        String routeTag,
        String scope,
        float[] vector,
        String answerKey,
        long expiresAtMillis) {

    /** The in-process bucket it belongs to: tenant, route and scope, so a tenant's or a route's can be purged. */
    String bucket() {
        return bucket(tenantId, routeTag, scope);
    }

    static String bucket(String tenantId, String routeTag, String scope) {
        return tenantId + '\n' + routeTag + '\n' + scope;
    }
}
