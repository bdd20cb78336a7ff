package dev.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tollgate.provider.mock.chunk-interval=1ms", "logging.level.dev.tollgate=DEBUG"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

    static final String SECRET_PROMPT = "my card is 4111 1111 1111 1111";

    static final ControlPlane controlPlane = new ControlPlane();
    static final String KEY = controlPlane.key("*");

    @Autowired
    WebTestClient client;

    @BeforeEach
    void authenticate() {
        client = client.mutate().defaultHeader("Authorization", "Bearer " + KEY).build();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
    }

    @Test
    void recordsRequestsAndTimeToFirstTokenByModelProviderAndStatus() {
        chat("{\"model\":\"mock-chat\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        chat("{\"model\":\"no-such-model-xyz\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        String metrics = prometheus();

        assertThat(metrics)
                .containsPattern("tollgate_gateway_requests_seconds_count\\{[^}]*endpoint=\"chat.completions\""
                        + "[^}]*model=\"mock-chat\",provider=\"mock\",status=\"200\",stream=\"true\"\\} [1-9]")
                .containsPattern("tollgate_gateway_time_to_first_token_seconds_count\\{[^}]*model=\"mock-chat\"")
                .doesNotContain("no-such-model-xyz"); // unknown names never become tags
    }

    @Test
    void neverLogsRequestOrResponseBodies(CapturedOutput output) {
        chat("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"" + SECRET_PROMPT + "\"}]}");
        chat("{\"model\":\"mock-chat\",\"n\":0,\"messages\":[{\"role\":\"user\",\"content\":\"" + SECRET_PROMPT
                + "\"}]}");

        assertThat(output.getAll()).doesNotContain("4111 1111");
    }

    private void chat(String body) {
        client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody()
                .returnResult();
    }

    private String prometheus() {
        return client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
