package dev.tollgate.usage.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestDatabase;
import dev.tollgate.usage.TestEvents;
import dev.tollgate.usage.TestTokens;
import dev.tollgate.usage.ledger.UsageLedger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AccessIntegrationTests {

    static final JedisPooled redis = new JedisPooled(TestInfrastructure.redisUri());
    // 2032 belongs to this class: no other test writes usage then.
    static final String PERIOD = "from=2032-01-01&to=2032-02-01";

    @Autowired
    WebTestClient client;

    @Autowired
    UsageLedger ledger;

    @Autowired
    DataSource dataSource;

    final String tenant = UUID.randomUUID().toString();
    final String otherTenant = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
        registry.add("tollgate.usage.ingest.enabled", () -> "false");
        registry.add("tollgate.usage.reconcile.enabled", () -> "false");
        registry.add("tollgate.usage.access.api-token-cache-ttl", () -> "1s");
    }

    @BeforeEach
    void seed() {
        TestTokens.publishKey(redis);
        Instant at = Instant.parse("2032-01-10T12:00:00Z");
        ledger.append(List.of(
                TestEvents.simple(tenant, UUID.randomUUID().toString(), at, new BigDecimal("1.25")),
                TestEvents.simple(otherTenant, UUID.randomUUID().toString(), at, new BigDecimal("2.5"))));
    }

    @AfterEach
    void removeOwnRows() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("usage_ledger", "usage_rollup_hour", "usage_rollup_day")) {
            jdbc.update("delete from " + table + " where tenant_id in (?::uuid, ?::uuid)", tenant, otherTenant);
        }
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @Test
    void refusesARequestWithoutATokenAsABearerProblem() {
        client.get()
                .uri("/api/v1/reports/chargeback")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void answersAUrlTheFirewallRefusesWithProblemDetails() {
        client.get()
                .uri("/api/v1/reports/chargeback%09")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void leavesHealthOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    // who: P = platform-wide, T = scoped to this test's tenant; asks: none, own, other tenant
    @ParameterizedTest
    @CsvSource({
        "PLATFORM_ADMIN, P, none, 200",
        "PLATFORM_ADMIN, P, other, 200",
        "FINANCE, P, none, 200",
        "FINANCE, P, own, 200",
        "VIEWER, P, none, 403",
        "VIEWER, P, own, 403",
        "TENANT_ADMIN, P, own, 403",
        "TENANT_ADMIN, T, none, 200",
        "TENANT_ADMIN, T, own, 200",
        "TENANT_ADMIN, T, other, 403",
        "VIEWER, T, none, 200",
        "VIEWER, T, other, 403",
        "FINANCE, T, other, 403",
        "PLATFORM_ADMIN, T, other, 403"
    })
    void appliesTheRoleMatrixToApiAndConsoleTokens(String role, String who, String asks, int status) {
        String scope = who.equals("T") ? tenant : null;
        String query = switch (asks) {
            case "own" -> "&tenant=" + tenant;
            case "other" -> "&tenant=" + otherTenant;
            default -> "";
        };

        for (String token : List.of(TestTokens.apiToken(redis, role, scope), TestTokens.consoleToken(role, scope))) {
            chargeback(token, query).expectStatus().isEqualTo(status);
        }
    }

    @Test
    void narrowsATenantUserWithoutAFilterToItsOwnTenant() {
        String token = TestTokens.consoleToken("VIEWER", tenant);

        String csv = csv(chargeback(token, "&format=csv"));

        assertThat(csv).contains(tenant).doesNotContain(otherTenant);
    }

    @Test
    void showsAPlatformUserEveryTenant() {
        String csv = csv(chargeback(TestTokens.apiToken(redis, "FINANCE", null), "&format=csv"));

        assertThat(csv).contains(tenant).contains(otherTenant);
    }

    @Test
    void refusesExpiredConsoleTokens() {
        Instant issued = Instant.now().minusSeconds(600);
        JWTClaimsSet claims = TestTokens.claims("PLATFORM_ADMIN", null)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(120)))
                .build();

        assertUnauthorized(TestTokens.sign(claims, TestTokens.SIGNING_KEY));
    }

    @Test
    void refusesConsoleTokensSignedByAnotherKeyUnderAKnownKid() {
        ECKey impostor = TestTokens.generate(TestTokens.SIGNING_KEY.getKeyID());

        assertUnauthorized(
                TestTokens.sign(TestTokens.claims("PLATFORM_ADMIN", null).build(), impostor));
    }

    @Test
    void refusesConsoleTokensWithAnUnknownKid() {
        ECKey unpublished = TestTokens.generate("unpublished-" + UUID.randomUUID());

        assertUnauthorized(
                TestTokens.sign(TestTokens.claims("PLATFORM_ADMIN", null).build(), unpublished));
    }

    @Test
    void refusesConsoleTokensForAnotherAudience() {
        JWTClaimsSet claims = TestTokens.claims("PLATFORM_ADMIN", null)
                .audience("tollgate-gateway")
                .build();

        assertUnauthorized(TestTokens.sign(claims, TestTokens.SIGNING_KEY));
    }

    @Test
    void refusesConsoleTokensFromAnotherIssuer() {
        JWTClaimsSet claims =
                TestTokens.claims("PLATFORM_ADMIN", null).issuer("someone-else").build();

        assertUnauthorized(TestTokens.sign(claims, TestTokens.SIGNING_KEY));
    }

    @Test
    void refusesConsoleTokensThatLiveLongerThanFiveMinutes() {
        Instant now = Instant.now();
        JWTClaimsSet claims = TestTokens.claims("PLATFORM_ADMIN", null)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(AccessKeys.CONSOLE_TOKEN_MAX_SECONDS + 60)))
                .build();

        assertUnauthorized(TestTokens.sign(claims, TestTokens.SIGNING_KEY));
    }

    @Test
    void refusesConsoleTokensWithoutARole() {
        JWTClaimsSet claims =
                TestTokens.claims("PLATFORM_ADMIN", null).claim("role", null).build();

        assertUnauthorized(TestTokens.sign(claims, TestTokens.SIGNING_KEY));
    }

    @Test
    void refusesConsoleTokensWithAnUnknownRole() {
        assertUnauthorized(TestTokens.consoleToken("SUPERUSER", null));
    }

    @Test
    void refusesUnknownApiTokens() {
        assertUnauthorized(AccessKeys.API_TOKEN_PREFIX + UUID.randomUUID());
    }

    @Test
    void stopsARevokedApiTokenWithinSeconds() {
        String token = TestTokens.apiToken(redis, "PLATFORM_ADMIN", null);
        chargeback(token, "").expectStatus().isOk();

        redis.del(AccessKeys.apiToken(TestTokens.sha256Hex(token))); // what the admin service does on revocation

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> chargeback(token, "").expectStatus().isUnauthorized());
    }

    private void assertUnauthorized(String token) {
        chargeback(token, "")
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec chargeback(String token, String query) {
        return client.get()
                .uri("/api/v1/reports/chargeback?" + PERIOD + query)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    private static String csv(WebTestClient.ResponseSpec response) {
        @Nullable
        String body = response.expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return String.valueOf(body);
    }
}
