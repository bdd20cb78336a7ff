package dev.tollgate.model.access;

/**
 * How the admin service lets other services (the usage service) authenticate its users without a call per request.
 *
 * <pre>
 * tollgate:apitoken:{sha256 hex of the token}   JSON ApiTokenSnapshot; expires with the token; absent once unusable
 * tollgate:console:jwk:{kid}                    JSON Web Key (public half only) that console tokens name in "kid";
 *                                               each admin instance refreshes its own and lets it expire when gone
 * </pre>
 *
 * <p><b>Console tokens</b> are what the console sends when it calls another service on a signed-in user's behalf: a
 * JWT signed with ES256 by a key only the admin service holds (the private key never leaves it; the public half is in
 * the JWK above, by {@code kid}; it outlives the last token the key signed by at least
 * {@value #CONSOLE_TOKEN_MAX_SECONDS} seconds). Claims: {@code iss} {@value #CONSOLE_ISSUER}, {@code aud} the service called
 * (such as {@value #USAGE_AUDIENCE}), {@code sub} the user's id, {@code email}, {@code role}, {@code tenant_id} (absent
 * for platform-wide users), {@code iat}, and {@code exp} at most {@value #CONSOLE_TOKEN_MAX_SECONDS} seconds later.
 * Both kinds arrive as {@code Authorization: Bearer}; API tokens start with {@value #API_TOKEN_PREFIX}.
 */
public final class AccessKeys {

    public static final String API_TOKEN_PREFIX = "tg-";
    public static final String CONSOLE_ISSUER = "tollgate-admin";
    public static final String USAGE_AUDIENCE = "tollgate-usage";
    public static final int CONSOLE_TOKEN_MAX_SECONDS = 300;

    /** What SCAN matches to find every published API token. */
    public static final String API_TOKEN_SCAN_PATTERN = "tollgate:apitoken:*";

    private AccessKeys() {}

    /** The key holding the public JWK with id {@code kid}. */
    public static String consoleJwk(String kid) {
        return "tollgate:console:jwk:" + kid;
    }

    /** The key holding the token whose SHA-256 (lowercase hex) is {@code sha256}. */
    public static String apiToken(String sha256) {
        return "tollgate:apitoken:" + sha256;
    }
}
