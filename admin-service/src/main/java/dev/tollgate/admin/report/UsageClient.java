package dev.tollgate.admin.report;

import dev.tollgate.admin.access.ConsoleTokenSigner;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.model.access.AccessKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls the usage service's report API as the signed-in user: each call carries a console token signed for that user
 * just before it is sent, so the usage service applies the user's own rights (a tenant-scoped user sees one tenant).
 * Failures (the service down, a refusal, a timeout) reach the caller as errors; {@link UsageFailures} words them.
 */
@Component
class UsageClient {

    private static final ParameterizedTypeReference<List<Drift>> DRIFTS = new ParameterizedTypeReference<>() {};

    private final WebClient webClient;
    private final ConsoleTokenSigner signer;
    private final UsageProperties properties;

    UsageClient(WebClient.Builder builder, ConsoleTokenSigner signer, UsageProperties properties) {
        this.webClient = builder.baseUrl(properties.baseUrl().toString()).build();
        this.signer = signer;
        this.properties = properties;
    }

    Mono<Chargeback> chargeback(Caller caller, ReportQuery query) {
        return get(caller, chargebackUri(query, "json"))
                .retrieve()
                .bodyToMono(Chargeback.class)
                .timeout(properties.timeout());
    }

    /** The CSV as the usage service streams it; the status is known (and errors raised) before the body flows. */
    Mono<ResponseEntity<Flux<DataBuffer>>> chargebackCsv(Caller caller, ReportQuery query) {
        return get(caller, chargebackUri(query, "csv"))
                .retrieve()
                .toEntityFlux(DataBuffer.class)
                .timeout(properties.timeout())
                .map(this::withBodyTimeout);
    }

    /** A stalled download ends: no chunk may take longer than the timeout to arrive. */
    private ResponseEntity<Flux<DataBuffer>> withBodyTimeout(ResponseEntity<Flux<DataBuffer>> entity) {
        Flux<DataBuffer> body = entity.getBody() == null ? Flux.empty() : entity.getBody();
        return new ResponseEntity<>(body.timeout(properties.timeout()), entity.getHeaders(), entity.getStatusCode());
    }

    /** Per-day cost, tokens and requests, one series per tenant or per model ({@code by}). */
    Mono<DailyReport> daily(Caller caller, ReportQuery query, String by) {
        return get(caller, dailyUri(query, by))
                .retrieve()
                .bodyToMono(DailyReport.class)
                .timeout(properties.timeout());
    }

    Mono<List<Drift>> drift(Caller caller, int limit) {
        return get(
                        caller,
                        uri -> uri.path("/api/v1/reconciliation/drift")
                                .queryParam("limit", limit)
                                .build())
                .retrieve()
                .bodyToMono(DRIFTS)
                .timeout(properties.timeout());
    }

    /**
     * A JSON report at {@code path} for the query's period and tenant, with {@code extra} query parameters; values go
     * in as URI variables, like every other call here.
     */
    <T> Mono<T> report(Caller caller, String path, ReportQuery query, Map<String, Object> extra, Class<T> type) {
        Map<String, Object> values = period(query);
        values.putAll(extra);
        Function<UriBuilder, java.net.URI> uri = builder -> {
            UriBuilder with = withTenant(builder.path(path), query)
                    .queryParam("from", "{from}")
                    .queryParam("to", "{to}")
                    .queryParam("timezone", "{timezone}")
                    .queryParam("format", "json");
            extra.keySet().forEach(name -> with.queryParam(name, "{" + name + "}"));
            return with.build(values);
        };
        return get(caller, uri).retrieve().bodyToMono(type).timeout(properties.timeout());
    }

    private WebClient.RequestHeadersSpec<?> get(Caller caller, Function<UriBuilder, java.net.URI> uri) {
        return webClient
                .get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(signer.sign(caller, AccessKeys.USAGE_AUDIENCE)));
    }

    // Values go in as URI variables, so they are encoded strictly: a '+' in a zone such as Etc/GMT+5 stays a '+'.
    private static Function<UriBuilder, java.net.URI> chargebackUri(ReportQuery query, String format) {
        Map<String, Object> values = period(query);
        values.put("group_by", String.join(",", query.groupBy()));
        values.put("format", format);
        return uri -> withTenant(uri.path("/api/v1/reports/chargeback"), query)
                .queryParam("from", "{from}")
                .queryParam("to", "{to}")
                .queryParam("timezone", "{timezone}")
                .queryParam("group_by", "{group_by}")
                .queryParam("format", "{format}")
                .queryParam("totals", "true")
                .build(values);
    }

    private static Function<UriBuilder, java.net.URI> dailyUri(ReportQuery query, String by) {
        Map<String, Object> values = period(query);
        values.put("by", by);
        return uri -> withTenant(uri.path("/api/v1/reports/daily"), query)
                .queryParam("from", "{from}")
                .queryParam("to", "{to}")
                .queryParam("timezone", "{timezone}")
                .queryParam("by", "{by}")
                .build(values);
    }

    private static Map<String, Object> period(ReportQuery query) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", query.from().toString());
        values.put("to", query.to().toString());
        values.put("timezone", query.timezone());
        values.put("tenant", String.valueOf(query.tenant()));
        return values;
    }

    private static UriBuilder withTenant(UriBuilder uri, ReportQuery query) {
        return query.tenant() == null ? uri : uri.queryParam("tenant", "{tenant}");
    }
}
