package dev.tollgate.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.console.ConsoleSession;
import dev.tollgate.admin.security.MatrixFixture.Principal;
import dev.tollgate.admin.security.MatrixFixture.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every REST route × every kind of caller × own-tenant and other-tenant objects, against the status class the table
 * below expects. Routes are discovered from the handler mappings, so a new route without a row fails
 * {@link #everyRestRouteHasARow}. A cell is one status for both sides, or {@code own/other}; {@code 2} means any 2xx.
 * Another tenant's object must be 404, never 403 or 2xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests extends AdminIntegrationTest {

    private static final String EXPECTATIONS = """
            # route                                                    PLATFORM TADMIN_A FINANCE  FINANCE_A VIEWER  READ  ANON
            GET    /api/v1/tenants                                        2        2        2        2        2       2     401
            POST   /api/v1/tenants                                        2        403      403      403      403     403   401
            GET    /api/v1/tenants/{tenantId}                             2        2/404    2        2/404    2       2     401
            POST   /api/v1/tenants/{tenantId}/suspend                     2        403/404  403      403/404  403     403   401
            POST   /api/v1/tenants/{tenantId}/activate                    2        403/404  403      403/404  403     403   401
            PUT    /api/v1/tenants/{tenantId}/webhook                     2        2/404    403      403/404  403     403   401
            POST   /api/v1/tenants/{tenantId}/webhook/rotate-secret       2        2/404    403      403/404  403     403   401
            GET    /api/v1/tenants/{tenantId}/webhook                     2        2/404    2        2/404    2       2     401
            GET    /api/v1/tenants/{tenantId}/webhook/deliveries          2        2/404    2        2/404    2       2     401
            DELETE /api/v1/tenants/{tenantId}/webhook                     2        2/404    403      403/404  403     403   401
            PUT    /api/v1/tenants/{tenantId}/limits                      2        403/404  403      403/404  403     403   401
            POST   /api/v1/tenants/{tenantId}/cache/purge                 2        2/404    403      403/404  403     403   401
            GET    /api/v1/tenants/{tenantId}/keys                        2        2/404    2        2/404    2       2     401
            POST   /api/v1/tenants/{tenantId}/keys                        2        2/404    403      403/404  403     403   401
            PUT    /api/v1/keys/{keyId}/cache                             2        2/404    403      403/404  403     403   401
            POST   /api/v1/keys/{keyId}/revoke                            2        2/404    403      403/404  403     403   401
            POST   /api/v1/keys/{keyId}/rotate                            2        2/404    403      403/404  403     403   401
            GET    /api/v1/providers                                      2        403      2        403      2       2     401
            POST   /api/v1/providers                                      2        403      403      403      403     403   401
            POST   /api/v1/credentials/reseal                             2        403      403      403      403     403   401
            POST   /api/v1/resync                                         2        403      403      403      403     403   401
            GET    /api/v1/models                                         2        2        2        2        2       2     401
            POST   /api/v1/models                                         2        403      403      403      403     403   401
            GET    /api/v1/models/{modelId}                               2        2        2        2        2       2     401
            PUT    /api/v1/models/{modelId}                               2        403      403      403      403     403   401
            DELETE /api/v1/models/{modelId}                               2        403      403      403      403     403   401
            POST   /api/v1/models/{model}/cache/purge                     2        403      403      403      403     403   401
            GET    /api/v1/usage/dead-letters                             2        403      2        403      403     2     401
            GET    /api/v1/budgets                                        2        2        2        2        2       2     401
            POST   /api/v1/budgets                                        2        2/404    2        2/404    403     403   401
            GET    /api/v1/budgets/{budgetId}                             2        2/404    2        2/404    2       2     401
            PUT    /api/v1/budgets/{budgetId}                             2        2/404    2        2/404    403     403   401
            DELETE /api/v1/budgets/{budgetId}                             2        2/404    2        2/404    403     403   401
            GET    /api/v1/guardrail-policies                             2        2        2        2        2       2     401
            POST   /api/v1/guardrail-policies                             2        2/404    403      403/404  403     403   401
            GET    /api/v1/guardrail-policies/{policyId}                  2        2/404    2        2/404    2       2     401
            PUT    /api/v1/guardrail-policies/{policyId}                  2        2/404    403      403/404  403     403   401
            DELETE /api/v1/guardrail-policies/{policyId}                  2        2/404    403      403/404  403     403   401
            POST   /api/v1/guardrail-policies/{policyId}/enable           2        2/404    403      403/404  403     403   401
            POST   /api/v1/guardrail-policies/{policyId}/disable          2        2/404    403      403/404  403     403   401
            GET    /api/v1/templates                                      2        2        2        2        2       2     401
            POST   /api/v1/templates                                      2        2/404    403      403/404  403     403   401
            GET    /api/v1/templates/{templateId}                         2        2/404    2        2/404    2       2     401
            POST   /api/v1/templates/{templateId}/versions                2        2/404    403      403/404  403     403   401
            GET    /api/v1/templates/{templateId}/versions/{version}      2        2/404    2        2/404    2       2     401
            PUT    /api/v1/templates/{templateId}/versions/{version}      2        2/404    403      403/404  403     403   401
            POST   /api/v1/templates/{templateId}/versions/{version}/publish  2    2/404    403      403/404  403     403   401
            POST   /api/v1/templates/{templateId}/versions/{version}/preview  2    2/404    2        2/404    2       403   401
            GET    /api/v1/templates/{templateId}/versions/{from}/diff/{to}   2    2/404    2        2/404    2       2     401
            PUT    /api/v1/templates/{templateId}/labels/{label}          2        2/404    403      403/404  403     403   401
            PUT    /api/v1/templates/{templateId}/splits/{label}          2        2/404    403      403/404  403     403   401
            DELETE /api/v1/templates/{templateId}/splits/{label}          2        2/404    403      403/404  403     403   401
            GET    /api/v1/users                                          2        403      403      403      403     2     401
            POST   /api/v1/users                                          2        403/404  403      403/404  403     403   401
            GET    /api/v1/users/{userId}                                 2        403/404  403      403/404  403     2     401
            PUT    /api/v1/users/{userId}                                 2        403/404  403      403/404  403     403   401
            POST   /api/v1/users/{userId}/password                        2        403/404  403      403/404  403     403   401
            GET    /api/v1/tokens                                         2        2        2        2        2       2     401
            POST   /api/v1/tokens                                         2        2        2        2        2       403   401
            DELETE /api/v1/tokens/{tokenId}                               2        2/404    2/404    2/404    2/404   403   401
            """;

    /** Request bodies by route; the side says whose tenant the body names. */
    private static final Map<String, BiFunction<MatrixFixture, Side, Object>> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/tenants", (f, side) -> Map.of("name", "Matrix", "slug", unique("matrix"))),
            Map.entry("PUT /api/v1/tenants/{tenantId}/limits", (f, side) -> Map.of("rpm_limit", 1000)),
            Map.entry(
                    "POST /api/v1/tenants/{tenantId}/keys",
                    (f, side) -> Map.of("name", "matrix", "models", List.of("*"))),
            Map.entry(
                    "PUT /api/v1/tenants/{tenantId}/webhook",
                    (f, side) -> Map.of("url", "https://93.184.215.14/tollgate")),
            Map.entry("PUT /api/v1/keys/{keyId}/cache", (f, side) -> Map.of("mode", "always", "ttl_seconds", 600)),
            Map.entry("POST /api/v1/providers", (f, side) -> Map.of("name", unique("matrix"), "type", "mock")),
            Map.entry("POST /api/v1/models", (f, side) -> model(f)),
            Map.entry("PUT /api/v1/models/{modelId}", (f, side) -> f.modelBody(null)),
            Map.entry("POST /api/v1/budgets", (f, side) -> f.budgetBody(side, "10")),
            Map.entry("PUT /api/v1/budgets/{budgetId}", (f, side) -> f.budgetBody(side, "20")),
            Map.entry("POST /api/v1/guardrail-policies", (f, side) -> f.policyBody(side)),
            Map.entry("PUT /api/v1/guardrail-policies/{policyId}", (f, side) -> f.policyBody(side)),
            Map.entry(
                    "POST /api/v1/templates",
                    (f, side) -> Map.of("name", unique("matrix"), "tenant_id", f.tenant(side))),
            Map.entry("POST /api/v1/templates/{templateId}/versions", (f, side) -> MatrixFixture.version()),
            Map.entry("PUT /api/v1/templates/{templateId}/versions/{version}", (f, side) -> MatrixFixture.version()),
            Map.entry(
                    "POST /api/v1/templates/{templateId}/versions/{version}/preview",
                    (f, side) -> Map.of("variables", Map.of("name", "Ada"))),
            Map.entry("PUT /api/v1/templates/{templateId}/labels/{label}", (f, side) -> Map.of("version", 1)),
            Map.entry("PUT /api/v1/templates/{templateId}/splits/{label}", (f, side) -> MatrixFixture.split()),
            Map.entry(
                    "POST /api/v1/users",
                    (f, side) -> Map.of(
                            "email",
                            unique("matrix") + "@example.test",
                            "role",
                            "VIEWER",
                            "tenant_id",
                            f.tenant(side))),
            Map.entry(
                    "PUT /api/v1/users/{userId}", (f, side) -> Map.of("role", "FINANCE", "tenant_id", f.tenant(side))),
            Map.entry("POST /api/v1/users/{userId}/password", (f, side) -> Map.of("password", "matrix-password")),
            Map.entry(
                    "POST /api/v1/tokens",
                    (f, side) -> Map.of("name", "matrix", "scope", "read", "expires_at", MatrixFixture.inAWeek())));

    /** Console pages of objects that belong to no tenant: a tenant admin is refused them (403), not told 404. */
    private static final Set<String> PLATFORM_PAGES = Set.of("/models/{modelId}/edit", "/models/{modelId}/delete");

    /** Query parameters that console pages require, so they answer with their real status rather than a 400. */
    private static final Map<String, String> PAGE_QUERIES = Map.of(
            "/templates/{templateId}/diff", "?from=1&to=3",
            "/templates/{templateId}/labels/move", "?label=production&version=1");

    @Autowired
    ApplicationContext context;

    List<Principal> principals;
    MatrixFixture shared;

    @BeforeAll
    void principalsAndObjects() {
        UUID tenantA = UUID.fromString(createTenant(unique("matrix-a")));
        UUID tenantB = UUID.fromString(createTenant(unique("matrix-b")));
        MatrixFixture.TokenMaker maker = new MatrixFixture.TokenMaker() {
            @Override
            public Principal make(String name, String role, @Nullable UUID tenant, String scope) {
                TestUser user = user(role, tenant, scope);
                return new Principal(name, user.token(), user.id());
            }

            @Override
            public String tokenOf(UUID userId) {
                return database.sql(
                                "insert into api_token (user_id, hash, name, scope, expires_at)"
                                        + " values (:user, :hash, 'matrix', 'read', now() + interval '1 day') returning id::text")
                        .bind("user", userId)
                        .bind("hash", sha256(UUID.randomUUID().toString()))
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block();
            }
        };
        principals = List.of(
                maker.make("PLATFORM", "PLATFORM_ADMIN", null, "write"),
                maker.make("TADMIN_A", "TENANT_ADMIN", tenantA, "write"),
                maker.make("FINANCE", "FINANCE", null, "write"),
                maker.make("FINANCE_A", "FINANCE", tenantA, "write"),
                maker.make("VIEWER", "VIEWER", null, "write"),
                maker.make("READ", "PLATFORM_ADMIN", null, "read"),
                new Principal("ANON", null, null));
        shared = MatrixFixture.create(client, maker, tenantA, tenantB);
    }

    @Test
    void everyRestRouteHasARow() {
        Set<String> expected = new TreeSet<>(rows().keySet());

        assertThat(new TreeSet<>(restRoutes()))
                .as("REST routes of the service; add a row to EXPECTATIONS for each new one")
                .isEqualTo(expected);
    }

    @TestFactory
    Stream<DynamicTest> restRoutesAnswerEachCallerAsTheTableSays() {
        return rows().entrySet().stream()
                .map(row -> DynamicTest.dynamicTest(row.getKey(), () -> check(row.getKey(), row.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> consolePagesSendAnonymousVisitorsToTheLoginPage() {
        return consolePages().stream()
                .map(page -> DynamicTest.dynamicTest(
                        page,
                        () -> client.get()
                                .uri(shared.path(page, Side.OWN, principals.getLast()))
                                .accept(MediaType.TEXT_HTML)
                                .exchange()
                                .expectStatus()
                                .is3xxRedirection()
                                .expectHeader()
                                .location("/login")));
    }

    @TestFactory
    Stream<DynamicTest> consolePagesOfAnotherTenantAreNotFoundForATenantAdmin() {
        Principal tenantAdmin = principals.get(1);
        ConsoleSession session = signedIn(tenantAdmin);
        return consolePages().stream()
                .filter(page -> page.contains("{") && !PLATFORM_PAGES.contains(page))
                .map(page -> DynamicTest.dynamicTest(
                        page,
                        () -> session.get(shared.path(page, Side.OTHER, tenantAdmin))
                                .expectStatus()
                                .isNotFound()));
    }

    @TestFactory
    Stream<DynamicTest> consolePagesOfPlatformObjectsAreForbiddenToATenantAdmin() {
        Principal tenantAdmin = principals.get(1);
        ConsoleSession session = signedIn(tenantAdmin);
        assertThat(consolePages()).containsAll(PLATFORM_PAGES);
        return PLATFORM_PAGES.stream()
                .map(page -> DynamicTest.dynamicTest(
                        page,
                        () -> session.get(shared.path(page, Side.OWN, tenantAdmin))
                                .expectStatus()
                                .isForbidden()));
    }

    private void check(String route, Map<String, String> cells) {
        List<String> mismatches = new ArrayList<>();
        boolean sided = route.contains("{") || cells.values().stream().anyMatch(cell -> cell.contains("/"));
        for (Principal principal : principals) {
            for (Side side : sided ? Side.values() : new Side[] {Side.OWN}) {
                String expected = expected(cells.get(principal.name()), side);
                int actual = call(route, principal, side, expected);
                if (!matches(expected, actual)) {
                    mismatches.add(principal.name() + " " + side + ": expected " + expected + ", was " + actual);
                }
            }
        }
        // A suspension in one row must not leak into the next.
        database.sql("update tenant set status = 'active' where id in (:a, :b)")
                .bind("a", shared.tenant(Side.OWN))
                .bind("b", shared.tenant(Side.OTHER))
                .then()
                .block();
        assertThat(mismatches).as(route).isEmpty();
    }

    /** Sends one request; one expected to change something gets objects of its own, so it cannot spoil others. */
    private int call(String route, Principal principal, Side side, String expected) {
        String[] methodAndPath = route.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(methodAndPath[0]);
        MatrixFixture fixture = method != HttpMethod.GET && expected.equals("2") ? shared.fresh() : shared;
        String uri = fixture.path(methodAndPath[1], side, principal);
        BiFunction<MatrixFixture, Side, Object> body = BODIES.get(route);
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri).headers(headers -> {
            if (principal.token() != null) {
                headers.setBearerAuth(principal.token());
            }
        });
        WebTestClient.RequestHeadersSpec<?> sent = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.apply(fixture, side));
        return sent.exchange().returnResult(byte[].class).getStatus().value();
    }

    private static String expected(String cell, Side side) {
        String[] ownAndOther = cell.split("/");
        return ownAndOther.length == 1 || side == Side.OWN ? ownAndOther[0] : ownAndOther[1];
    }

    private static boolean matches(String expected, int actual) {
        return expected.equals("2") ? actual >= 200 && actual < 300 : Integer.parseInt(expected) == actual;
    }

    /** Route → principal → cell, in table order. */
    private static Map<String, Map<String, String>> rows() {
        List<String> lines =
                EXPECTATIONS.lines().filter(line -> !line.isBlank()).toList();
        List<String> names =
                Arrays.asList(lines.getFirst().strip().split("\\s+")).subList(2, 9);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.strip().split("\\s+");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), cells[i + 2]);
            }
            rows.put(cells[0] + " " + cells[1], row);
        }
        return rows;
    }

    private List<String> restRoutes() {
        return HandlerRoutes.of(context).stream()
                .filter(route -> route.contains(" /api/"))
                .toList();
    }

    /** Console pages a browser can open: every GET route outside the API except the sign-in page. */
    private List<String> consolePages() {
        return HandlerRoutes.of(context).stream()
                .filter(route -> route.startsWith("GET ") && !route.contains(" /api/") && !route.equals("GET /login"))
                .map(route -> route.substring(4) + PAGE_QUERIES.getOrDefault(route.substring(4), ""))
                .sorted()
                .toList();
    }

    private static Map<String, Object> model(MatrixFixture fixture) {
        return fixture.modelBody(unique("matrix"));
    }

    private ConsoleSession signedIn(Principal principal) {
        String email = database.sql("select email from admin_user where id = :id")
                .bind("id", principal.userId())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(email, USER_PASSWORD)).isEqualTo("/");
        return session;
    }
}
