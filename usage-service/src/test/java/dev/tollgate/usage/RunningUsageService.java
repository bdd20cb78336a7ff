package dev.tollgate.usage;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged usage-service jar in a child process on a free port, configured only through the environment, as an
 * operator would run it. Failsafe runs after {@code package}, so the jar is this build's; {@code -Dtollgate.usage.jar}
 * points at another.
 */
final class RunningUsageService implements AutoCloseable {

    private static final Path DEFAULT_JAR = Path.of("target/usage-service-0.1.0-SNAPSHOT.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final String name;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningUsageService(Process process, int port, String name) {
        this.process = process;
        this.port = port;
        this.name = name;
    }

    /** Starts an instance and waits until it is healthy. */
    static RunningUsageService start(String name, Map<String, String> environment) {
        RunningUsageService service = launch(name, environment);
        service.awaitHealthy();
        return service;
    }

    /**
     * Starts an instance named {@code name} (its consumer name too) with {@code environment} on top of the test's,
     * without waiting for it: it starts consuming before it reports healthy.
     */
    static RunningUsageService launch(String name, Map<String, String> environment) {
        Path jar = Path.of(System.getProperty("tollgate.usage.jar", DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            fail(
                    "No usage-service jar at %s. Build it first: ./mvnw -B -pl usage-service package -DskipTests",
                    jar.toAbsolutePath());
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        Map<String, String> env = new HashMap<>(TestDatabase.environment());
        env.put("TOLLGATE_USAGE_PORT", String.valueOf(port));
        env.put("TOLLGATE_USAGE_INGEST_CONSUMER", name);
        env.putAll(environment);
        builder.environment().putAll(env);
        try {
            return new RunningUsageService(builder.start(), port, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, whatever batch is in flight stays unacknowledged. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The body of a GET with {@code token}; fails on any status but 200. */
    String get(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                fail("GET %s answered %d: %s", path, response.statusCode(), response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail(
                        "usage-service %s exited with %d before it was healthy; see %s",
                        name, process.exitValue(), log(name).toAbsolutePath());
            }
            if (status(health) == 200) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        fail(
                "usage-service %s was not healthy after %s; see %s",
                name, START_TIMEOUT, log(name).toAbsolutePath());
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Path log(String name) {
        return Path.of("target", "usage-service-" + name + ".log");
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
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
