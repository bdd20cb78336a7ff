package dev.tollgate.usage;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.model.access.ApiTokenSnapshot;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/** Credentials as the admin service would publish them: API token snapshots and ES256 console tokens. */
public final class TestTokens {

    /** The admin service's signing key in these tests; its public half is published by {@link #publishKey}. */
    public static final ECKey SIGNING_KEY = generate("test-" + UUID.randomUUID());

    private TestTokens() {}

    /** Publishes a fresh API token for a user with {@code role}, scoped to {@code tenantId} when given. */
    public static String apiToken(UnifiedJedis redis, String role, @Nullable String tenantId) {
        String token = AccessKeys.API_TOKEN_PREFIX + UUID.randomUUID();
        ApiTokenSnapshot snapshot = new ApiTokenSnapshot(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                role.toLowerCase() + "@example.test",
                role,
                tenantId,
                "read",
                Instant.now().plusSeconds(3600));
        redis.setex(
                AccessKeys.apiToken(sha256Hex(token)), 600, JsonMapper.shared().writeValueAsString(snapshot));
        return token;
    }

    /** Publishes the public half of {@link #SIGNING_KEY} under its kid. */
    public static void publishKey(UnifiedJedis redis) {
        redis.setex(
                AccessKeys.consoleJwk(SIGNING_KEY.getKeyID()),
                600,
                SIGNING_KEY.toPublicJWK().toJSONString());
    }

    /** Valid console claims for a user with {@code role}, platform-wide when {@code tenantId} is null. */
    public static JWTClaimsSet.Builder claims(String role, @Nullable String tenantId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(AccessKeys.CONSOLE_ISSUER)
                .audience(AccessKeys.USAGE_AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .claim("email", role.toLowerCase() + "@example.test")
                .claim("role", role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)));
        return tenantId == null ? claims : claims.claim("tenant_id", tenantId);
    }

    public static String consoleToken(String role, @Nullable String tenantId) {
        return sign(claims(role, tenantId).build(), SIGNING_KEY);
    }

    /** {@code claims} signed with {@code key}, naming its kid. */
    public static String sign(JWTClaimsSet claims, ECKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
