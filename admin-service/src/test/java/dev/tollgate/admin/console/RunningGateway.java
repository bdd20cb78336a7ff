package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.fail;

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
import java.util.List;
import java.util.Map;

/**
 * The real gateway jar in a child process, on a free port, reading the same Redis database the admin service under
 * test publishes to and sharing its key-hash secret and master key. The reactor packages gateway-service before
 * admin-service's integration tests run; {@code -Dtollgate.gateway.jar=…} points at another build.
 */
final class RunningGateway implements AutoCloseable {

    private static final Path DEFAULT_JAR = Path.of("../gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RunningGateway start(Map<String, String> environment) {
        Path jar = Path.of(System.getProperty("tollgate.gateway.jar", DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            fail(
                    "No gateway jar at %s. Build it first: ./mvnw -B -q -pl gateway-service -am package -DskipTests",
                    jar.toAbsolutePath());
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.profiles.active=local"))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "gateway-browser-test.log").toFile());
        builder.environment().putAll(environment);
        try {
            RunningGateway gateway = new RunningGateway(builder.start(), port);
            gateway.awaitHealthy();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status of a one-message chat completion for {@code model}, authenticated with {@code secret}. */
    int chat(String secret, String model) {
        String body = """
                {"model":"%s","messages":[{"role":"user","content":"Hello"}]}""".formatted(model);
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail(
                        "The gateway exited with %d before it was healthy; see admin-service/target/gateway-browser-test.log",
                        process.exitValue());
            }
            if (sendQuietly(health) == 200) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        fail("The gateway was not healthy after %s; see admin-service/target/gateway-browser-test.log", START_TIMEOUT);
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int sendQuietly(HttpRequest request) {
        try {
            return send(request);
        } catch (UncheckedIOException notYet) {
            return 0;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
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
            if (!process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
