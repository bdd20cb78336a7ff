package dev.tollgate.admin.alert;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Posts one signed event to a webhook. Never fails: the outcome, good or bad, is an {@link Attempt}. Redirects are
 * not followed (see {@link AlertConfiguration}); the response body is read and dropped.
 */
class WebhookClient {

    static final String EVENT = "x-tollgate-event";
    static final String DELIVERY = "x-tollgate-delivery";
    static final String TIMESTAMP = "x-tollgate-timestamp";
    static final String SIGNATURE = "x-tollgate-signature";

    private final WebClient web;
    private final Duration limit;

    WebhookClient(WebClient web, AlertProperties properties) {
        this.web = web;
        // Connect and read timeouts bound each phase; this bounds the whole exchange, body included.
        this.limit = properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1);
    }

    /** Sends {@code body} as event {@code event} with id {@code deliveryId}, signed with {@code secret}. */
    Mono<Attempt> post(String url, String secret, String event, String deliveryId, String body) {
        long timestamp = Instant.now().getEpochSecond();
        return web.post()
                .uri(URI.create(url))
                .contentType(MediaType.APPLICATION_JSON)
                .header(EVENT, event)
                .header(DELIVERY, deliveryId)
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSecrets.signature(secret, timestamp, body))
                .bodyValue(body)
                .exchangeToMono(WebhookClient::answered)
                .timeout(limit)
                .onErrorResume(WebhookClient::failed);
    }

    private static Mono<Attempt> answered(ClientResponse response) {
        int status = response.statusCode().value();
        return response.releaseBody()
                .thenReturn(new Attempt(status, status >= 200 && status < 300 ? null : "HTTP " + status));
    }

    private static Mono<Attempt> failed(Throwable failure) {
        Throwable cause = rootCause(failure);
        String reason = failure instanceof TimeoutException
                ? "timed out"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return Mono.just(new Attempt(null, reason.length() > 500 ? reason.substring(0, 500) : reason));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * How one post went.
     *
     * @param statusCode the webhook's HTTP status; {@code null} when none arrived
     * @param error what went wrong, for people; {@code null} on a 2xx
     */
    record Attempt(@Nullable Integer statusCode, @Nullable String error) {

        boolean succeeded() {
            return error == null;
        }
    }
}
