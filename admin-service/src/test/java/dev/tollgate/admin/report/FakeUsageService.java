package dev.tollgate.admin.report;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.model.access.AccessKeys;
import dev.tollgate.model.access.ApiTokenSnapshot;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the usage service's report API on a real port, answering exactly in the contract's shapes: two tenants'
 * chargeback rows (whatever tenant ids the test set), their totals, the same as CSV with a {@code TOTAL} row, daily
 * series and one drift. It reads the console token's claims (without checking the signature, which
 * {@code ConsoleJwkIntegrationTests} covers) and refuses, as the real one must, a tenant-scoped caller asking for
 * another tenant.
 */
public final class FakeUsageService implements AutoCloseable {

    /** The requests received, newest last. */
    public final List<Received> received = new CopyOnWriteArrayList<>();

    private final DisposableServer server;
    private volatile List<String> tenants = List.of("00000000-0000-0000-0000-000000000001");

    private final Function<String, @Nullable String> apiTokens;

    private FakeUsageService(Function<String, @Nullable String> apiTokens) {
        this.apiTokens = apiTokens;
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/api/v1/reports/chargeback", this::chargeback)
                        .get("/api/v1/reports/daily", this::daily)
                        .get("/api/v1/reconciliation/drift", this::drift))
                .bindNow();
    }

    public static FakeUsageService start() {
        return new FakeUsageService(key -> null);
    }

    /**
     * A fake that also accepts API tokens ({@code tg-…}) the way the real service must: by the snapshot the admin
     * service published at {@code tollgate:apitoken:{sha256}}, which {@code apiTokens} reads (a Redis GET).
     */
    public static FakeUsageService start(Function<String, @Nullable String> apiTokens) {
        return new FakeUsageService(apiTokens);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The tenants the reports list: the first spent 12.5, the second 0.25. */
    public void reportTenants(String first, String second) {
        tenants = List.of(first, second);
    }

    /** The chargeback totals as the JSON answer states them, in CSV column order. */
    public static final List<String> TOTALS = List.of("7", "1500", "300", "100", "20", "12.75");

    /** One request as the fake saw it. */
    public record Received(String path, Map<String, List<String>> query, JWTClaimsSet claims) {
        public @Nullable String param(String name) {
            List<String> values = query.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private Publisher<Void> chargeback(HttpServerRequest request, HttpServerResponse response) {
        Received received = receive(request);
        if (received == null) {
            return problem(response, 401, "A console token is required.");
        }
        if (refusedTenant(received)) {
            return problem(response, 403, "You may only see your own tenant.");
        }
        if (received.param("timezone") != null && received.param("timezone").equals("Mars/Olympus")) {
            return problem(response, 400, "Unknown time zone Mars/Olympus.");
        }
        if ("csv".equals(received.param("format"))) {
            return send(response, "text/csv; charset=utf-8", csv(received));
        }
        return send(response, "application/json", chargebackJson(received));
    }

    private Publisher<Void> daily(HttpServerRequest request, HttpServerResponse response) {
        Received received = receive(request);
        if (received == null) {
            return problem(response, 401, "A console token is required.");
        }
        String from = received.param("from");
        String groups = "model".equals(received.param("by"))
                ? series("gpt-4o-mini", from, "10.5", 1200) + "," + series("claude-haiku", from, "2.25", 720)
                : series(tenants.get(0), from, "12.5", 1800) + "," + series(tenants.get(1), from, "0.25", 120);
        return send(response, "application/json", """
                {"from":"%s","to":"%s","timezone":"%s","currency":"USD","series":[%s]}""".formatted(
                        from, received.param("to"), received.param("timezone"), groups));
    }

    private Publisher<Void> drift(HttpServerRequest request, HttpServerResponse response) {
        if (receive(request) == null) {
            return problem(response, 401, "A console token is required.");
        }
        return send(response, "application/json", """
                [{"budget_id":"b0d9e3c2-1111-4c4c-8a8a-000000000001","period_id":"2026-11-01",\
                "counter_usd":"10.000000001","ledger_usd":"10.25","action":"corrected",\
                "found_at":"2026-11-20T08:15:00Z"}]""");
    }

    private String chargebackJson(Received received) {
        return """
                {"from":"%s","to":"%s","timezone":"%s","currency":"USD","rows":[
                {"tenant":"%s","requests":5,"prompt_tokens":1000,"completion_tokens":200,"cached_tokens":100,\
                "reasoning_tokens":20,"cost":"12.5"},
                {"tenant":"%s","requests":2,"prompt_tokens":500,"completion_tokens":100,"cached_tokens":0,\
                "reasoning_tokens":0,"cost":"0.25"}],
                "totals":{"requests":7,"prompt_tokens":1500,"completion_tokens":300,"cached_tokens":100,\
                "reasoning_tokens":20,"cost":"12.75"}}""".formatted(
                        received.param("from"),
                        received.param("to"),
                        received.param("timezone"),
                        tenants.get(0),
                        tenants.get(1));
    }

    private String csv(Received received) {
        String totals = "true".equals(received.param("totals")) ? "TOTAL," + String.join(",", TOTALS) + ",USD\n" : "";
        return "tenant,requests,prompt_tokens,completion_tokens,cached_tokens,reasoning_tokens,cost,currency\n"
                + tenants.get(0) + ",5,1000,200,100,20,12.5,USD\n"
                + tenants.get(1) + ",2,500,100,0,0,0.25,USD\n"
                + totals;
    }

    private static String series(String group, String from, String cost, long tokens) {
        return """
                {"group":"%s","points":[{"date":"%s","cost":"%s","tokens":%d,"requests":3}]}""".formatted(group, from, cost, tokens);
    }

    private boolean refusedTenant(Received received) {
        Object own = received.claims().getClaim("tenant_id");
        return own != null && !own.equals(received.param("tenant"));
    }

    private @Nullable Received receive(HttpServerRequest request) {
        String authorization = request.requestHeaders().get("Authorization");
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            String bearer = authorization.substring(7);
            JWTClaimsSet claims = bearer.startsWith(AccessKeys.API_TOKEN_PREFIX)
                    ? apiTokenClaims(bearer)
                    : SignedJWT.parse(bearer).getJWTClaimsSet();
            if (claims == null) {
                return null;
            }
            Received received = new Received(uri.path(), uri.parameters(), claims);
            this.received.add(received);
            return received;
        } catch (ParseException notAJwt) {
            return null;
        }
    }

    private @Nullable JWTClaimsSet apiTokenClaims(String token) {
        String published = apiTokens.apply(AccessKeys.apiToken(sha256(token)));
        if (published == null) {
            return null;
        }
        ApiTokenSnapshot snapshot = JsonMapper.builder().build().readValue(published, ApiTokenSnapshot.class);
        return new JWTClaimsSet.Builder()
                .subject(snapshot.userId())
                .claim("role", snapshot.role())
                .claim("tenant_id", snapshot.tenantId())
                .build();
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Publisher<Void> problem(HttpServerResponse response, int status, String detail) {
        return response.status(status)
                .header("Content-Type", "application/problem+json")
                .sendString(
                        Mono.just(
                                "{\"type\":\"about:blank\",\"status\":%d,\"detail\":\"%s\"}".formatted(status, detail)),
                        StandardCharsets.UTF_8)
                .then();
    }

    private static Publisher<Void> send(HttpServerResponse response, String contentType, String body) {
        return response.header("Content-Type", contentType)
                .sendString(Mono.just(body), StandardCharsets.UTF_8)
                .then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
