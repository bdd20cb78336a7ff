package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.fail;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real usage-service jar in a child process on a free port, reading the Redis database the admin service under
 * test publishes API tokens and console keys to, and keeping its ledger in the test database. Used by the reports
 * browser test when {@code -Dtollgate.usage.jar=…} names the jar; the reactor must then package usage-service before
 * admin-service's integration tests run.
 */
final class RunningUsageService implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private RunningUsageService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RunningUsageService start(Path jar) {
        if (!Files.isRegularFile(jar)) {
            fail("No usage-service jar at %s. Build it: ./mvnw -B -q -pl usage-service -am package -DskipTests", jar);
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "usage-browser-test.log").toFile());
        Map<String, String> environment = new HashMap<>(TestDatabase.environment());
        environment.put("TOLLGATE_USAGE_PORT", Integer.toString(port));
        environment.put("TOLLGATE_REDIS_URI", AdminIntegrationTest.redisUri());
        builder.environment().putAll(environment);
        try {
            RunningUsageService usage = new RunningUsageService(builder.start(), port);
            usage.awaitReady();
            return usage;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail(
                            "usage-service exited with %d; see admin-service/target/usage-browser-test.log",
                            process.exitValue());
                }
                if (status(http, health) == 200) {
                    return;
                }
                RunningGateway.pause(Duration.ofMillis(250));
            }
        }
        fail("usage-service was not healthy after %s; see admin-service/target/usage-browser-test.log", START_TIMEOUT);
    }

    private static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
