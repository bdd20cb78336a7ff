package dev.tollgate.admin.security;

import static dev.tollgate.admin.AdminIntegrationTest.ADMIN_TOKEN;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The objects the authorization matrix points its requests at, made through the API as the platform admin when a
 * request first needs them. Tenants A and B are fixed for the whole matrix, because the scoped principals belong to
 * A; everything inside them can be made afresh ({@link #fresh}) for a request that is expected to change it.
 */
final class MatrixFixture {

    /** Which tenant's objects a request aims at: the scoped principals' own (A) or another (B). */
    enum Side {
        OWN,
        OTHER
    }

    /** Who sends a request; {@code token} is {@code null} for anonymous, {@code userId} for token-less principals. */
    record Principal(
            String name, @Nullable String token, @Nullable UUID userId) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");

    private final WebTestClient client;
    private final TokenMaker tokens;
    private final UUID tenantA;
    private final UUID tenantB;
    private final String providerId;
    private final Map<String, String> made = new HashMap<>();

    private MatrixFixture(WebTestClient client, TokenMaker tokens, UUID tenantA, UUID tenantB, String providerId) {
        this.client = client;
        this.tokens = tokens;
        this.tenantA = tenantA;
        this.tenantB = tenantB;
        this.providerId = providerId;
    }

    /** Adds a user of a role to a tenant (or none) with a token of a scope; answers its id and token. */
    interface TokenMaker {
        Principal make(String name, String role, @Nullable UUID tenant, String scope);

        /** A further token for an existing user; answers the token's id. */
        String tokenOf(UUID userId);
    }

    static MatrixFixture create(WebTestClient client, TokenMaker tokens, UUID tenantA, UUID tenantB) {
        MatrixFixture fixture = new MatrixFixture(client, tokens, tenantA, tenantB, "");
        String provider =
                fixture.created("/api/v1/providers", Map.of("name", "matrix-" + UUID.randomUUID(), "type", "mock"));
        return new MatrixFixture(client, tokens, tenantA, tenantB, provider);
    }

    /** The same tenants, with every object inside them made again when next needed. */
    MatrixFixture fresh() {
        return new MatrixFixture(client, tokens, tenantA, tenantB, providerId);
    }

    UUID tenant(Side side) {
        return side == Side.OWN ? tenantA : tenantB;
    }

    /**
     * {@code pattern} with each variable replaced by a fixture for a request by {@code principal} aimed at
     * {@code side}; a variable restricted to alternatives ({@code {action:revoke|rotate}}) takes the first.
     */
    String path(String pattern, Side side, Principal principal) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String choices = variable.group(2);
            String value = choices != null ? choices.split("\\|")[0] : resolve(variable.group(1), side, principal);
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(path).toString();
    }

    /** The value of the path variable {@code name} for a request by {@code principal} aimed at {@code side}. */
    String resolve(String name, Side side, Principal principal) {
        return switch (name) {
            case "tenantId" -> tenant(side).toString();
            case "keyId" -> key(side);
            case "budgetId" -> budget(side);
            case "policyId" -> policy(side);
            case "templateId" -> template(side);
            case "version" -> "3";
            case "from" -> "1";
            case "to" -> "2";
            case "label" -> "production";
            case "model" -> "mock-chat";
            case "modelId" -> model();
            case "userId" -> user(side);
            case "tokenId" -> token(side, principal);
            default -> throw new IllegalArgumentException("No fixture for path variable {" + name + "}");
        };
    }

    String key(Side side) {
        return once(
                "key" + side,
                () -> created(
                        "/api/v1/tenants/" + tenant(side) + "/keys", Map.of("name", "matrix", "models", List.of("*"))));
    }

    String budget(Side side) {
        return once("budget" + side, () -> created("/api/v1/budgets", budgetBody(side, "10")));
    }

    /** A key-scoped budget on this side's key: one per key, so each fresh fixture can create one. */
    Map<String, Object> budgetBody(Side side, String amount) {
        return Map.of("scope", "key", "scope_id", key(side), "amount_usd", amount, "period", "monthly");
    }

    String policy(Side side) {
        return once("policy" + side, () -> created("/api/v1/guardrail-policies", policyBody(side)));
    }

    /** A tenant-scoped guardrail policy on this side's tenant, named afresh so each fresh fixture can create one. */
    Map<String, Object> policyBody(Side side) {
        return Map.of(
                "name",
                "matrix-" + UUID.randomUUID(),
                "scope",
                "tenant",
                "scope_id",
                tenant(side).toString(),
                "input",
                List.of(Map.of("detector", "pii.email", "action", "redact")));
    }

    /**
     * A template whose versions 1 and 2 are published (so labels can move and split), whose label production points at
     * version 1 and splits its traffic between both, and whose version 3 is a draft.
     */
    String template(Side side) {
        return once("template" + side, () -> {
            String id = created(
                    "/api/v1/templates", Map.of("name", "matrix-" + UUID.randomUUID(), "tenant_id", tenant(side)));
            for (int version = 1; version <= 2; version++) {
                created("/api/v1/templates/" + id + "/versions", version());
                send("/api/v1/templates/" + id + "/versions/" + version + "/publish", Map.of());
            }
            send(HttpMethod.PUT, "/api/v1/templates/" + id + "/labels/production", Map.of("version", 1));
            send(HttpMethod.PUT, "/api/v1/templates/" + id + "/splits/production", split());
            created("/api/v1/templates/" + id + "/versions", version());
            return id;
        });
    }

    static Map<String, Object> split() {
        return Map.of("versions", List.of(Map.of("version", 1, "weight", 9), Map.of("version", 2, "weight", 1)));
    }

    String user(Side side) {
        return once(
                "user" + side,
                () -> String.valueOf(tokens.make("matrix-user", "VIEWER", tenant(side), "read")
                        .userId()));
    }

    /** OWN: a token of the principal itself; OTHER: a token of a user of the other tenant. */
    String token(Side side, Principal principal) {
        if (side == Side.OWN) {
            UUID owner = principal.userId() == null ? UUID.fromString(user(Side.OWN)) : principal.userId();
            return once("token-own-" + principal.name(), () -> tokens.tokenOf(owner));
        }
        return once("token-other", () -> tokens.tokenOf(UUID.fromString(user(Side.OTHER))));
    }

    String providerId() {
        return providerId;
    }

    /** A model, which belongs to no tenant: the same on both sides. */
    String model() {
        return once("model", () -> created("/api/v1/models", modelBody(unique())));
    }

    /** A model served by the fixture's mock provider; without {@code name}, the body of an update. */
    Map<String, Object> modelBody(@Nullable String name) {
        Map<String, Object> body = new HashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put(
                "deployments",
                List.of(Map.of(
                        "provider_id",
                        providerId,
                        "upstream_model",
                        "m",
                        "input_price_per_mtok",
                        "1",
                        "output_price_per_mtok",
                        "2")));
        return body;
    }

    private static String unique() {
        return "matrix-" + UUID.randomUUID();
    }

    static Map<String, Object> version() {
        return Map.of(
                "messages",
                List.of(Map.of("role", "user", "content", "Hello {{name}}")),
                "model",
                "matrix-model",
                "variables",
                List.of(Map.of("name", "name", "type", "string", "required", false)));
    }

    static Instant inAWeek() {
        return Instant.now().plus(7, ChronoUnit.DAYS);
    }

    private String once(String name, Supplier<String> make) {
        String existing = made.get(name);
        if (existing == null) {
            existing = make.get();
            made.put(name, existing);
        }
        return existing;
    }

    private String created(String path, Object body) {
        Map<String, Object> answer = client.post()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return String.valueOf(answer.get(answer.containsKey("id") ? "id" : "version"));
    }

    private void send(String path, Object body) {
        send(HttpMethod.POST, path, body);
    }

    private void send(HttpMethod method, String path, Object body) {
        client.method(method)
                .uri(path)
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }
}
