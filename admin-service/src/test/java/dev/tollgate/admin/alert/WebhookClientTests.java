package dev.tollgate.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.alert.WebhookClient.Attempt;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

class WebhookClientTests {

    static final WebhookStub stub = WebhookStub.start();

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @Test
    void postsSignedJsonAndReportsTheStatus() {
        String url = stub.endpoint(202);

        Attempt attempt = client(true)
                .post(url, "whsec_x", "budget.threshold_crossed", "a:b:80", "{}")
                .block();

        assertThat(attempt).isEqualTo(new Attempt(202, null));
        assertThat(stub.received(url)).singleElement().satisfies(received -> {
            assertThat(received.header("x-tollgate-delivery")).isEqualTo("a:b:80");
            assertThat(received.header("x-tollgate-signature")).startsWith("sha256=");
        });
    }

    @Test
    void reportsAServerErrorAsAFailedAttempt() {
        String url = stub.endpoint(500);

        Attempt attempt = client(true)
                .post(url, "whsec_x", "budget.threshold_crossed", "a:b:50", "{}")
                .block();

        assertThat(attempt).isEqualTo(new Attempt(500, "HTTP 500"));
    }

    @Test
    void sendsNothingOverAConnectionToAnAddressTheRulesRefuse() {
        String url = stub.endpoint();

        Attempt attempt = client(false)
                .post(url, "whsec_x", "budget.threshold_crossed", "a:b:100", "{}")
                .block();

        assertThat(attempt.error()).contains("refused address");
        assertThat(stub.received(url)).isEmpty();
    }

    private static WebhookClient client(boolean allowPrivate) {
        AlertProperties properties = new AlertProperties(
                true,
                "",
                Duration.ofSeconds(2),
                50,
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                20,
                Duration.ofMinutes(2),
                List.of(Duration.ofSeconds(10)),
                0.2,
                12,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                allowPrivate,
                true);
        WebClient web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(AlertConfiguration.http(properties)))
                .build();
        return new WebhookClient(web, properties);
    }
}
