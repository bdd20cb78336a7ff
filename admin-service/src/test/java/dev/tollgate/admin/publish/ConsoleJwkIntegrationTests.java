package dev.tollgate.admin.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.access.ConsoleTokenSigner;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.model.access.AccessKeys;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the usage service does with a console token: finds the key by kid in Redis, verifies, reads the claims. */
class ConsoleJwkIntegrationTests extends AdminIntegrationTest {

    @Autowired
    ConsoleTokenSigner signer;

    @Autowired
    ConsoleJwkPublisher publisher;

    @Test
    void tokenVerifiesWithThePublishedKeyAndCarriesTheUsersClaims() throws Exception {
        Caller finance = new Caller(UUID.randomUUID(), "finance@example.test", Role.FINANCE, UUID.randomUUID());
        publisher.publish().block();

        SignedJWT token = SignedJWT.parse(signer.sign(finance, AccessKeys.USAGE_AUDIENCE));

        String jwkKey = AccessKeys.consoleJwk(token.getHeader().getKeyID());
        ECKey published = ECKey.parse(redis.get(jwkKey));
        assertThat(published.isPrivate()).isFalse();
        assertThat(token.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(Duration.ofMillis(redis.pttl(jwkKey))).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(claims.getIssuer()).isEqualTo("tollgate-admin");
        assertThat(claims.getAudience()).containsExactly("tollgate-usage");
        assertThat(claims.getSubject()).isEqualTo(finance.userId().toString());
        assertThat(claims.getStringClaim("email")).isEqualTo("finance@example.test");
        assertThat(claims.getStringClaim("role")).isEqualTo("FINANCE");
        assertThat(claims.getStringClaim("tenant_id"))
                .isEqualTo(finance.tenantId().toString());
        long lifetime =
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertThat(Duration.ofMillis(lifetime)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void platformWideUserHasNoTenantClaim() throws Exception {
        Caller admin = new Caller(UUID.randomUUID(), "admin@example.test", Role.PLATFORM_ADMIN, null);

        JWTClaimsSet claims =
                SignedJWT.parse(signer.sign(admin, AccessKeys.USAGE_AUDIENCE)).getJWTClaimsSet();

        assertThat(claims.getClaims()).doesNotContainKey("tenant_id");
        assertThat(claims.getStringClaim("role")).isEqualTo("PLATFORM_ADMIN");
    }
}
