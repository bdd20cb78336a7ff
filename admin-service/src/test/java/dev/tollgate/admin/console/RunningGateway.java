package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.fail;

import dev.tollgate.testsupport.ServiceProcess;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real gateway jar in a child process, on a free port, reading the same Redis database the admin service under
 * test publishes to and sharing its key-hash secret and master key. The reactor packages gateway-service before
 * admin-service's integration tests run; {@code -Dtollgate.gateway.jar=…} points at another build.
 */
final class RunningGateway implements AutoCloseable {

    private static final Path DEFAULT_JAR = Path.of("../gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar");
    // Two minutes: on a busy machine a cold Spring Boot start alone has been seen to take one.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ServiceProcess process;

    private RunningGateway(ServiceProcess process) {
        this.process = process;
    }

    static RunningGateway start(Map<String, String> environment) {
        Path jar = Path.of(System.getProperty("tollgate.gateway.jar", DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            fail(
                    "No gateway jar at %s. Build it first: ./mvnw -B -q -pl gateway-service -am package -DskipTests",
                    jar.toAbsolutePath());
        }
        int port = ServiceProcess.freePort();
        List<String> arguments = List.of("--server.port=" + port, "--spring.profiles.active=local");
        ServiceProcess process =
                ServiceProcess.launch("The gateway", jar, port, arguments, environment, "gateway-browser-test.log");
        RunningGateway gateway = new RunningGateway(process);
        process.awaitHealthy(START_TIMEOUT);
        return gateway;
    }

    /** Status of a one-message chat completion for {@code model}, authenticated with {@code secret}. */
    int chat(String secret, String model) {
        String body = """
                {"model":"%s","messages":[{"role":"user","content":"Hello"}]}""".formatted(model);
        HttpRequest request = HttpRequest.newBuilder(process.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return process.send(request).statusCode();
    }

    @Override
    public void close() {
        process.close();
    }
}
