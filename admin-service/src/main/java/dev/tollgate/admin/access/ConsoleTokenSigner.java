package dev.tollgate.admin.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.model.access.AccessKeys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs console tokens (see {@link AccessKeys}) with this instance's EC P-256 key. The private key never leaves the
 * process; {@link #publicJwk()} is what the usage service verifies with, once it is published in Redis.
 */
@Component
public class ConsoleTokenSigner {

    private final ECKey key;
    private final JWSSigner signer;
    private final ConsoleTokenProperties properties;
    private final Clock clock;

    @Autowired
    ConsoleTokenSigner(ConsoleTokenProperties properties) {
        this(properties, Clock.systemUTC());
    }

    ConsoleTokenSigner(ConsoleTokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = keyOf(properties.signingKey());
        this.signer = signerOf(key);
    }

    /** A token for {@code caller} to present to {@code audience}, valid for the configured lifetime. */
    public String sign(Caller caller, String audience) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(AccessKeys.CONSOLE_ISSUER)
                .audience(audience)
                .subject(caller.userId().toString())
                .claim("email", caller.email())
                .claim("role", caller.role().name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.lifetime())));
        if (caller.tenantId() != null) {
            claims.claim("tenant_id", caller.tenantId().toString());
        }
        return signed(claims.build());
    }

    /** The key id that tokens name in their {@code kid} header. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The public half of the signing key as a JSON Web Key. */
    public String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    private String signed(JWTClaimsSet claims) {
        JWSHeader header =
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException failure) {
            throw new IllegalStateException("signing a console token failed", failure);
        }
        return jwt.serialize();
    }

    private static ECKey keyOf(@org.jspecify.annotations.Nullable String configured) {
        try {
            if (configured == null || configured.isBlank()) {
                return new ECKeyGenerator(Curve.P_256)
                        .keyID(UUID.randomUUID().toString())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .generate();
            }
            return configuredKey(ECKey.parse(configured));
        } catch (JOSEException | ParseException failure) {
            throw new IllegalStateException("tollgate.console-token.signing-key is not a usable EC JWK", failure);
        }
    }

    private static ECKey configuredKey(ECKey parsed) {
        if (!Curve.P_256.equals(parsed.getCurve()) || !parsed.isPrivate() || parsed.getKeyID() == null) {
            throw new IllegalStateException(
                    "tollgate.console-token.signing-key must be a private P-256 JWK with a kid");
        }
        return parsed;
    }

    private static JWSSigner signerOf(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException failure) {
            throw new IllegalStateException("the console signing key cannot sign", failure);
        }
    }
}
