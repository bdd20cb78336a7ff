package dev.tollgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.tenant.TenantSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Virtual keys published into the real Redis, presented the three ways clients send them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class KeyAuthenticationIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final JsonMapper json = JsonMapper.builder().build();
    static final String CHAT = "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Autowired
    WebTestClient client;

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
    }

    @Test
    void acceptsAValidKeyAsBearerTokenApiKeyOrXApiKey() {
        String key = controlPlane.key("mock-chat");

        chat("Authorization", "Bearer " + key).expectStatus().isOk();
        chat("Authorization", "bearer " + key).expectStatus().isOk();
        chat("api-key", key).expectStatus().isOk();
        chat("x-api-key", key).expectStatus().isOk();
    }

    @Test
    void refusesARequestWithoutAKey() {
        JsonNode error = refusal(client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CHAT)
                .exchange());

        assertThat(error.path("message").asString()).startsWith("You didn't provide an API key");
        assertThat(refusal(client.get().uri("/v1/models").exchange())
                        .path("code")
                        .asString())
                .isEqualTo("invalid_api_key");
    }

    @Test
    void refusesAnUnknownKeyWithOpenAisEnvelopeShowingOnlyAShortPrefix() {
        String unknown = "sk-tg-" + "0123456789abcdef0123456789abcdef";

        JsonNode error = refusal(chat("Authorization", "Bearer " + unknown));

        assertThat(error.path("message").asString())
                .startsWith("Incorrect API key provided: sk-tg-01****")
                .doesNotContain(unknown.substring(8));
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("param").isNull()).isTrue();
        assertThat(error.path("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void refusesRevokedExpiredPastGraceAndSuspendedTenantKeysAlike() {
        Instant past = Instant.now().minusSeconds(60);
        String tenant = controlPlane.tenant(TenantSnapshot.ACTIVE);
        String suspendedTenant = controlPlane.tenant("suspended");
        String revoked = controlPlane.tenantKey(tenant, "revoked", null, null, "*");
        String expired = controlPlane.tenantKey(tenant, KeyPrincipal.ACTIVE, past, null, "*");
        String pastGrace = controlPlane.tenantKey(tenant, KeyPrincipal.ACTIVE, null, past, "*");
        String ofSuspended = controlPlane.tenantKey(suspendedTenant, KeyPrincipal.ACTIVE, null, null, "*");
        String ofMissingTenant = controlPlane.tenantKey("no-such-tenant", KeyPrincipal.ACTIVE, null, null, "*");

        for (String key : new String[] {revoked, expired, pastGrace, ofSuspended, ofMissingTenant}) {
            assertThat(refusal(chat("Authorization", "Bearer " + key))
                            .path("message")
                            .asString())
                    .startsWith("Incorrect API key provided: " + key.substring(0, 8) + "****");
        }
    }

    @Test
    void aKeyWithinItsRotationGraceStillWorks() {
        String tenant = controlPlane.tenant(TenantSnapshot.ACTIVE);
        String old = controlPlane.tenantKey(
                tenant, KeyPrincipal.ACTIVE, null, Instant.now().plusSeconds(3600), "*");

        chat("Authorization", "Bearer " + old).expectStatus().isOk();
    }

    @Test
    void aRevocationIsSeenWithinOneSecondDespiteTheCache() {
        String key = controlPlane.key("*");
        chat("x-api-key", key).expectStatus().isOk();

        controlPlane.revoke(key);

        assertThat(secondsUntil(key, HttpStatus.UNAUTHORIZED)).isLessThan(1.0);
    }

    @Test
    void aSuspensionIsSeenWithinOneSecondForEveryKeyOfTheTenant() {
        String tenant = controlPlane.tenant(TenantSnapshot.ACTIVE);
        String first = controlPlane.tenantKey(tenant, KeyPrincipal.ACTIVE, null, null, "*");
        String second = controlPlane.tenantKey(tenant, KeyPrincipal.ACTIVE, null, null, "*");
        chat("api-key", first).expectStatus().isOk();
        chat("api-key", second).expectStatus().isOk();

        controlPlane.setTenantStatus(tenant, "suspended");

        assertThat(secondsUntil(first, HttpStatus.UNAUTHORIZED)).isLessThan(1.0);
        assertThat(secondsUntil(second, HttpStatus.UNAUTHORIZED)).isLessThan(1.0);
    }

    @Test
    void aKeyTriedBeforeItWasIssuedWorksWithinOneSecondOfItsIssue() {
        String key = controlPlane.newSecret();
        chat("api-key", key).expectStatus().isUnauthorized(); // now cached as unknown

        controlPlane.issue(key, "mock-chat");

        assertThat(secondsUntil(key, HttpStatus.OK)).isLessThan(1.0);
    }

    private double secondsUntil(String key, HttpStatusCode expected) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(3).toNanos()) {
            HttpStatusCode status =
                    chat("x-api-key", key).returnResult(String.class).getStatus();
            if (status.equals(expected)) {
                return (System.nanoTime() - started) / 1e9;
            }
            sleep();
        }
        return Double.MAX_VALUE;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private WebTestClient.ResponseSpec chat(String header, String value) {
        return client.post()
                .uri("/v1/chat/completions")
                .header(header, value)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CHAT)
                .exchange();
    }

    private static JsonNode refusal(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body).path("error");
    }
}
