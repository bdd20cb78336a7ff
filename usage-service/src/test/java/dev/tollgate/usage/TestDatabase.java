package dev.tollgate.usage;

import dev.tollgate.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points Flyway, R2DBC and the ledger's JDBC pool at the test database from {@link TestInfrastructure}, inside this service's own schema.
 *
 * <p>Built from the JDBC URL rather than {@link TestInfrastructure#postgresR2dbcUrl()}: that one keeps the user in
 * the query string, which the R2DBC SPI refuses ("must not declare option user in the query string").
 */
public final class TestDatabase {

    /** The schema the service migrates and queries, as in {@code application.yml}. */
    public static final String SCHEMA = "tollgate_usage";

    private TestDatabase() {}

    /** For a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.flyway.url", TestDatabase::jdbcUrl);
        registry.add("spring.flyway.user", () -> parameter("user"));
        registry.add("spring.flyway.password", () -> parameter("password"));
        registry.add("spring.r2dbc.url", TestDatabase::r2dbcUrl);
        registry.add("spring.r2dbc.username", () -> parameter("user"));
        registry.add("spring.r2dbc.password", () -> parameter("password"));
        registry.add("tollgate.ledger.jdbc.url", () -> jdbcUrl() + "?currentSchema=" + SCHEMA);
        registry.add("tollgate.ledger.jdbc.username", () -> parameter("user"));
        registry.add("tollgate.ledger.jdbc.password", () -> parameter("password"));
    }

    /** The {@code TOLLGATE_POSTGRES_*} environment of a usage-service process using the test database. */
    public static Map<String, String> environment() {
        URI jdbc = jdbcUri();
        return Map.of(
                "TOLLGATE_POSTGRES_HOST", jdbc.getHost(),
                "TOLLGATE_POSTGRES_PORT", String.valueOf(jdbc.getPort()),
                "TOLLGATE_POSTGRES_DB", jdbc.getPath().substring(1),
                "TOLLGATE_POSTGRES_USER", parameter("user"),
                "TOLLGATE_POSTGRES_PASSWORD", parameter("password"));
    }

    /** A JDBC URL for {@code DriverManager}, credentials included, with the service's schema on the search path. */
    public static String jdbcUrlWithCredentials() {
        return jdbcUrl() + "?currentSchema=" + SCHEMA + "&user=" + encode(parameter("user")) + "&password="
                + encode(parameter("password"));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // Credentials go in their own properties, not the URL, because Flyway logs the URL it connects to.
    private static String jdbcUrl() {
        URI jdbc = jdbcUri();
        return "jdbc:postgresql://%s:%d%s".formatted(jdbc.getHost(), jdbc.getPort(), jdbc.getPath());
    }

    private static String r2dbcUrl() {
        URI jdbc = jdbcUri();
        return "r2dbc:postgresql://%s:%d%s?schema=%s".formatted(jdbc.getHost(), jdbc.getPort(), jdbc.getPath(), SCHEMA);
    }

    private static String parameter(String name) {
        return parameters().getOrDefault(name, "");
    }

    private static Map<String, String> parameters() {
        Map<String, String> parameters = new HashMap<>();
        String query = jdbcUri().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(nameAndValue[0], nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
        }
        return parameters;
    }

    private static URI jdbcUri() {
        return URI.create(TestInfrastructure.postgresJdbcUrl().substring("jdbc:".length()));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
