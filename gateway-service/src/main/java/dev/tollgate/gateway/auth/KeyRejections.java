package dev.tollgate.gateway.auth;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;

/** The 401s, worded like OpenAI's. Unknown, revoked, expired and suspended keys all get the same answer. */
final class KeyRejections {

    private KeyRejections() {}

    static GatewayException missing() {
        return GatewayException.rejected(
                ErrorCode.INVALID_API_KEY,
                "You didn't provide an API key. Provide your Tollgate key in an Authorization header using Bearer auth"
                        + " (Authorization: Bearer YOUR_KEY), or in an api-key or x-api-key header.");
    }

    static GatewayException invalid(PresentedKey key) {
        return GatewayException.rejected(
                ErrorCode.INVALID_API_KEY,
                "Incorrect API key provided: %s. Ask your Tollgate administrator for a valid key."
                        .formatted(key.shownPrefix()));
    }
}
