package dev.tollgate.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API tokens are high-entropy random strings, so a plain SHA-256 is enough to store and look them up. */
public final class TokenHashes {

    private TokenHashes() {}

    /** Lowercase hex SHA-256 of {@code token}, as {@code api_token.hash} stores it. */
    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM ships SHA-256", impossible);
        }
    }
}
