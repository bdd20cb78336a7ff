package dev.tollgate.usage.report;

import dev.tollgate.testsupport.TestInfrastructure;
import dev.tollgate.usage.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the report tests share: infrastructure, and reading a response as the exact bytes a client gets. */
final class ReportTestSupport {

    private ReportTestSupport() {}

    static void register(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", TestInfrastructure::redisUri);
        registry.add("tollgate.usage.ingest.enabled", () -> "false");
        registry.add("tollgate.usage.reconcile.enabled", () -> "false");
    }

    static String get(WebTestClient client, String token, String uri) {
        // A generous timeout: the first report of a cold JVM on a busy build machine can take more than the default 5
        // s.
        byte[] body = client.mutate()
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024 * 1024))
                .build()
                .get()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
    }

    static String golden(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/reports", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the actual output beside the build, to compare or approve when a golden file differs. */
    static void keep(String name, String actual) {
        try {
            Files.createDirectories(Path.of("target", "reports"));
            Files.writeString(Path.of("target", "reports", name), actual, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
