package dev.tollgate.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The one place that gives every module's tests a real PostgreSQL and Redis.
 *
 * <p>Explicit URLs from the environment win ({@code TOLLGATE_TEST_POSTGRES_URL} as a JDBC URL,
 * {@code TOLLGATE_TEST_REDIS_URI}). Otherwise the local services on their default ports are used when they answer (as on
 * developer machines and CI), and Testcontainers starts both when they do not but a Docker daemon is reachable. With
 * neither, the first test that asks fails with a message saying how to start them: it is never silently skipped.
 */
public final class TestInfrastructure {

    private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String LOCAL_REDIS = "redis://127.0.0.1:6379";

    private static volatile Endpoints endpoints;

    private TestInfrastructure() {}

    /** JDBC URL of the test database, user and password included as query parameters. */
    public static String postgresJdbcUrl() {
        return endpoints().postgresJdbcUrl();
    }

    /** The same database as an R2DBC URL; R2DBC takes the user in the authority, not the query. */
    public static String postgresR2dbcUrl() {
        URI jdbc = URI.create(postgresJdbcUrl().substring("jdbc:".length()));
        String user = "postgres";
        String password = "";
        for (String parameter : String.valueOf(jdbc.getQuery()).split("&")) {
            if (parameter.startsWith("user=")) {
                user = parameter.substring("user=".length());
            } else if (parameter.startsWith("password=")) {
                password = ":" + parameter.substring("password=".length());
            }
        }
        return "r2dbc:postgresql://%s%s@%s:%d%s"
                .formatted(user, password, jdbc.getHost(), jdbc.getPort(), jdbc.getPath());
    }

    /** URI of the test Redis, such as {@code redis://127.0.0.1:6379}. */
    public static String redisUri() {
        return endpoints().redisUri();
    }

    private static Endpoints endpoints() {
        Endpoints found = endpoints;
        if (found == null) {
            synchronized (TestInfrastructure.class) {
                found = endpoints;
                if (found == null) {
                    found = discover();
                    endpoints = found;
                }
            }
        }
        return found;
    }

    private static Endpoints discover() {
        String postgres = System.getenv("TOLLGATE_TEST_POSTGRES_URL");
        String redis = System.getenv("TOLLGATE_TEST_REDIS_URI");
        if (postgres != null && redis != null) {
            return new Endpoints(postgres, redis);
        }
        boolean localPostgres = answers("127.0.0.1", 5432);
        boolean localRedis = answers("127.0.0.1", 6379);
        if (localPostgres && localRedis) {
            return new Endpoints(postgres != null ? postgres : LOCAL_POSTGRES, redis != null ? redis : LOCAL_REDIS);
        }
        if (dockerAvailable()) {
            return Containers.start();
        }
        String missing =
                (localPostgres ? "" : "PostgreSQL on 127.0.0.1:5432 ") + (localRedis ? "" : "Redis on 127.0.0.1:6379 ");
        throw new IllegalStateException("""
                Tests need a real PostgreSQL and Redis. Not reachable: %sand no Docker daemon for Testcontainers.
                Start them (Debian: 'pg_ctlcluster 15 main start' and 'redis-server --daemonize yes --save ""'),
                start a Docker daemon, or point TOLLGATE_TEST_POSTGRES_URL (a JDBC URL) and TOLLGATE_TEST_REDIS_URI
                at running servers.""".formatted(missing));
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private record Endpoints(String postgresJdbcUrl, String redisUri) {}

    /** Started once per JVM and left for Ryuk to remove, as Testcontainers' singleton pattern does. */
    private static final class Containers {

        @SuppressWarnings("resource")
        static Endpoints start() {
            GenericContainer<?> postgres = new GenericContainer<>("postgres:15-alpine")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withEnv("POSTGRES_DB", "test")
                    .withExposedPorts(5432)
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
            GenericContainer<?> redis = new GenericContainer<>("redis:7.0-alpine")
                    .withExposedPorts(6379)
                    .waitingFor(Wait.forListeningPort());
            postgres.start();
            redis.start();
            return new Endpoints(
                    "jdbc:postgresql://%s:%d/test?user=postgres"
                            .formatted(postgres.getHost(), postgres.getMappedPort(5432)),
                    "redis://%s:%d".formatted(redis.getHost(), redis.getMappedPort(6379)));
        }
    }
}
