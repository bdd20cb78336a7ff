package dev.tollgate.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service jar running as a child process of the test, the way an operator runs it: {@code java -jar} with
 * its settings in the environment (on top of the test's own) or on the command line, and its output in a log file
 * under {@code target/}. The test chooses the port ({@link #freePort()}) because each service reads it from a
 * different place.
 *
 * <p>Waiting for health fails the test with a message naming the log, both when the deadline passes and as soon as the
 * process dies. The log is appended to, so a service restarted under the same log name keeps its earlier output.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code java -jar jar arguments…} without waiting for it to become healthy.
     *
     * @param name how failure messages call the service, such as {@code "The gateway"}
     * @param port the port the service was told to listen on, through {@code arguments} or {@code environment}
     * @param environment variables set on top of the test's own environment
     * @param logName file name of the log under {@code target/}
     */
    public static ServiceProcess launch(
            String name, Path jar, int port, List<String> arguments, Map<String, String> environment, String logName) {
        Path log = Path.of("target", logName);
        ProcessBuilder builder = new ProcessBuilder(command(jar, arguments))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on right now, for the service to take. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code /actuator/health} answers 200. Fails if the process exits first, or stops it and fails when the
     * timeout passes.
     */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("%s exited with %d before it was healthy; see %s", name, process.exitValue(), logPath());
            }
            if (statusOrZero(health) == 200) {
                return;
            }
            pause(POLL_INTERVAL);
        }
        close(); // a service that never came up would otherwise outlive the test JVM
        fail("%s was not healthy after %s; see %s", name, timeout, logPath());
    }

    /** Such as {@code http://127.0.0.1:8082}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code path} (starting with {@code /}) on this service. */
    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** Sends {@code request} and reads the body as UTF-8 text. An I/O failure is thrown unchecked. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop, and kills it if it has not stopped within a few seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            http.close();
        }
    }

    /** Sleeps for {@code duration}, for polling loops; an interruption is rethrown unchecked. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int statusOrZero(HttpRequest request) {
        try {
            return send(request).statusCode();
        } catch (UncheckedIOException notYetListening) {
            return 0;
        }
    }

    private Path logPath() {
        return log.toAbsolutePath();
    }

    private static List<String> command(Path jar, List<String> arguments) {
        // The JVM running the tests, so the service runs on the same Java version.
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
        command.addAll(arguments);
        return command;
    }
}
