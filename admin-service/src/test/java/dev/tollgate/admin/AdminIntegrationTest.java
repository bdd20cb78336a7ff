package dev.tollgate.admin;

import dev.tollgate.admin.system.Sql;
import dev.tollgate.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.RedisClient;

/**
 * The whole admin service against the real test Postgres and Redis. Redis database {@value #REDIS_DATABASE} keeps the
 * resync's deletions away from other modules' tests sharing the same server, unless {@code TOLLGATE_TEST_REDIS_URI}
 * already names a database ({@code redis://host:6379/3}), which is then used as given. Each test makes its own uniquely
 * named tenants, providers and models.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// A context's first requests (template compilation, JIT, password hashing) can outlast the default 5 s on a busy
// machine; a slow answer is not what these tests judge.
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class AdminIntegrationTest {

    public static final String ADMIN_TOKEN = "test-platform-admin-token-0123456789";
    public static final String KEY_HASH_SECRET = "test-key-hash-secret-at-least-32-bytes-long";
    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The console password of every user made by {@link #user}. */
    public static final String USER_PASSWORD = "test-user-password";

    static final int REDIS_DATABASE = 5;

    protected static final RedisClient redis = RedisClient.create(java.net.URI.create(redisUri()));

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected DatabaseClient database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tollgate.redis.uri", AdminIntegrationTest::redisUri);
        registry.add("tollgate.crypto.master-key", () -> MASTER_KEY);
        registry.add("tollgate.crypto.key-hash-secret", () -> KEY_HASH_SECRET);
        registry.add("tollgate.admin.api-token", () -> ADMIN_TOKEN);
        registry.add("tollgate.providers.allow-private-upstreams", () -> "true");
        singleSignOn(registry);
    }

    /**
     * An OpenID Connect registration, so every test runs with single sign-on enabled next to the password form. The
     * provider is never called: its endpoints are given, so nothing is discovered at start-up.
     */
    private static void singleSignOn(DynamicPropertyRegistry registry) {
        String registration = "spring.security.oauth2.client.registration.test-idp.";
        registry.add(registration + "client-id", () -> "tollgate");
        registry.add(registration + "client-secret", () -> "test-client-secret");
        registry.add(registration + "client-name", () -> "Test IdP");
        registry.add(registration + "scope", () -> "openid,email");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.test-idp.";
        registry.add(provider + "authorization-uri", () -> "https://idp.example.test/authorize");
        registry.add(provider + "token-uri", () -> "https://idp.example.test/token");
        registry.add(provider + "jwk-set-uri", () -> "https://idp.example.test/jwks");
        registry.add(provider + "user-info-uri", () -> "https://idp.example.test/userinfo");
        registry.add(provider + "user-name-attribute", () -> "sub");
    }

    /**
     * The test Redis in database {@value #REDIS_DATABASE}, unless {@code TOLLGATE_TEST_REDIS_URI} already names a
     * database (as when several worktrees share one server, each in its own database): then that one.
     */
    public static String redisUri() {
        String uri = TestInfrastructure.redisUri();
        String path = java.net.URI.create(uri).getPath();
        boolean namesDatabase = path != null && path.length() > 1;
        return namesDatabase ? uri : uri.replaceFirst("/?$", "/" + REDIS_DATABASE);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    protected WebTestClient.RequestHeadersSpec<?> post(String path, Object body) {
        return post(path, body, ADMIN_TOKEN);
    }

    protected WebTestClient.RequestHeadersSpec<?> post(String path, Object body, String token) {
        return client.post()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    protected WebTestClient.RequestHeadersSpec<?> put(String path, Object body, String token) {
        return client.put()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    protected WebTestClient.RequestHeadersSpec<?> delete(String path, String token) {
        return client.delete().uri(path).headers(headers -> headers.setBearerAuth(token));
    }

    /** Posts as the platform admin and answers the created object's {@code id}. */
    protected String createdId(String path, Object body) {
        return post(path, body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(java.util.Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    protected WebTestClient.RequestHeadersSpec<?> get(String path, String token) {
        return client.get().uri(path).headers(headers -> headers.setBearerAuth(token));
    }

    /** Creates a tenant through the API and answers its id. */
    protected String createTenant(String slug) {
        return post("/api/v1/tenants", java.util.Map.of("name", "Tenant " + slug, "slug", slug, "cost_center", "CC-1"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(java.util.Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    /** Adds a user of {@code role} scoped to {@code tenantId} with a fresh API token, and answers the token. */
    protected String tokenFor(String role, UUID tenantId) {
        return user(role, tenantId, "write").token();
    }

    /**
     * Adds a user of {@code role}, scoped to {@code tenantId} unless it is {@code null}, whose console password is
     * {@link #USER_PASSWORD} and who holds one API token of {@code scope}.
     */
    protected TestUser user(String role, @Nullable UUID tenantId, String scope) {
        String email = unique("user") + "@example.test";
        UUID user = database.sql("insert into admin_user (email, password_hash, role, tenant_id)"
                        + " values (:email, :hash, :role, :tenant) returning id")
                .bind("email", email)
                .bind("hash", "{noop}" + USER_PASSWORD)
                .bind("role", role)
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        String token = "tg-" + UUID.randomUUID() + UUID.randomUUID();
        database.sql("insert into api_token (user_id, hash, name, scope) values (:user, :hash, 'test', :scope)")
                .bind("user", user)
                .bind("hash", sha256(token))
                .bind("scope", scope)
                .then()
                .block();
        return new TestUser(user, email, token);
    }

    /** A user made by {@link #user} for one test. */
    protected record TestUser(UUID id, String email, String token) {}

    protected static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
