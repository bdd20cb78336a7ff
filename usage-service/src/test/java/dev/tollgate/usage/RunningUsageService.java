package dev.tollgate.usage;

import static org.assertj.core.api.Assertions.fail;

import dev.tollgate.testsupport.ServiceProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged usage-service jar in a child process on a free port, configured only through the environment, as an
 * operator would run it. Failsafe runs after {@code package}, so the jar is this build's; {@code -Dtollgate.usage.jar}
 * points at another.
 */
final class RunningUsageService implements AutoCloseable {

    private static final Path DEFAULT_JAR = Path.of("target/usage-service-0.1.0-SNAPSHOT.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ServiceProcess process;

    private RunningUsageService(ServiceProcess process) {
        this.process = process;
    }

    /** Starts an instance and waits until it is healthy. */
    static RunningUsageService start(String name, Map<String, String> environment) {
        RunningUsageService service = launch(name, environment);
        service.awaitHealthy();
        return service;
    }

    /**
     * Starts an instance named {@code name} (its consumer name too) with {@code environment} on top of the test's,
     * without waiting for it: it starts consuming before it reports healthy. A restart under the same name appends to
     * the same log.
     */
    static RunningUsageService launch(String name, Map<String, String> environment) {
        Path jar = Path.of(System.getProperty("tollgate.usage.jar", DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            fail(
                    "No usage-service jar at %s. Build it first: ./mvnw -B -pl usage-service package -DskipTests",
                    jar.toAbsolutePath());
        }
        int port = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(TestDatabase.environment());
        env.put("TOLLGATE_USAGE_PORT", String.valueOf(port));
        env.put("TOLLGATE_USAGE_INGEST_CONSUMER", name);
        env.putAll(environment);
        return new RunningUsageService(ServiceProcess.launch(
                "usage-service " + name, jar, port, List.of(), env, "usage-service-" + name + ".log"));
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, whatever batch is in flight stays unacknowledged. */
    void kill() {
        process.kill();
    }

    /** The body of a GET with {@code token}; fails on any status but 200. */
    String get(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(process.uri(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<String> response = process.send(request);
        if (response.statusCode() != 200) {
            fail("GET %s answered %d: %s", path, response.statusCode(), response.body());
        }
        return response.body();
    }

    void awaitHealthy() {
        process.awaitHealthy(START_TIMEOUT);
    }

    @Override
    public void close() {
        process.close();
    }
}
