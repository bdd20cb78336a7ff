package dev.tollgate.gateway.api;

import dev.tollgate.gateway.anthropic.AnthropicMapper;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one renderer of error answers: OpenAI's envelope, or Anthropic's on the Anthropic-compatible ingress. Every failure, including unknown URLs and the gateway's own bugs,
 * leaves as {@code {"error":{…}}} with the right status; a stack trace never reaches the caller.
 */
@Component
@Order(-2) // ahead of Boot's DefaultErrorWebExceptionHandler (-1), which would answer in its own format
class OpenAiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrorHandler.class);

    private final OpenAiJson json;

    OpenAiErrorHandler(OpenAiJson json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        GatewayException error = asGatewayException(exchange, failure);
        logged(exchange, error);
        response.setStatusCode(error.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        error.headers().forEach(response.getHeaders()::set);
        byte[] body = json.write(envelope(exchange, error));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    // The Anthropic-compatible ingress answers in Anthropic's envelope, so Anthropic SDKs raise their own errors.
    private static Object envelope(ServerWebExchange exchange, GatewayException error) {
        if (exchange.getRequest().getPath().value().startsWith("/v1/messages")) {
            return AnthropicMapper.toAnthropicError(error, RequestIdFilter.of(exchange));
        }
        return OpenAiErrors.envelope(error);
    }

    private static GatewayException asGatewayException(ServerWebExchange exchange, Throwable failure) {
        return switch (failure) {
            case GatewayException known -> known;
            case DataBufferLimitException tooLarge ->
                GatewayException.rejected(ErrorCode.REQUEST_TOO_LARGE, "The request body is too large.");
            case InvalidMediaTypeException badHeader ->
                GatewayException.rejected(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The Content-Type header is not a valid media type.");
            case ResponseStatusException status -> fromStatus(exchange, status);
            default ->
                GatewayException.upstream(
                        ErrorCode.INTERNAL_ERROR, "The gateway failed to process the request.", failure);
        };
    }

    private static GatewayException fromStatus(ServerWebExchange exchange, ResponseStatusException failure) {
        String route = exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value();
        return switch (HttpStatus.valueOf(failure.getStatusCode().value())) {
            case NOT_FOUND -> GatewayException.rejected(ErrorCode.UNKNOWN_URL, "Unknown request URL: " + route + ".");
            case METHOD_NOT_ALLOWED ->
                GatewayException.rejected(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed: " + route + ".");
            case UNSUPPORTED_MEDIA_TYPE ->
                GatewayException.rejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json.");
            case CONTENT_TOO_LARGE ->
                GatewayException.rejected(ErrorCode.REQUEST_TOO_LARGE, "The request body is too large.");
            default ->
                failure.getStatusCode().is4xxClientError()
                        ? GatewayException.rejected(ErrorCode.INVALID_REQUEST, "The request is invalid.")
                        : GatewayException.upstream(
                                ErrorCode.INTERNAL_ERROR, "The gateway failed to process the request.", failure);
        };
    }

    // Messages can quote the caller's input or the provider's echo of it, so only codes and statuses are logged.
    private static void logged(ServerWebExchange exchange, GatewayException error) {
        String id = RequestIdFilter.of(exchange);
        if (error.code() == ErrorCode.INTERNAL_ERROR) {
            log.error("request {} failed", id, error.getCause());
        } else if (error.status().is5xxServerError()) {
            log.warn(
                    "request {} failed upstream: {} {} ({})",
                    id,
                    error.status().value(),
                    error.code().code(),
                    causeOf(error));
        } else if (error.code() == ErrorCode.UPSTREAM_REJECTED) {
            log.info(
                    "request {} rejected by the provider: {}",
                    id,
                    error.status().value());
        } else {
            log.debug("request {} rejected: {}", id, error.code().code());
        }
    }

    private static String causeOf(GatewayException error) {
        return error.getCause() == null
                ? "no cause"
                : error.getCause().getClass().getSimpleName();
    }
}
