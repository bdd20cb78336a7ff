package dev.tollgate.admin.system;

import io.r2dbc.spi.R2dbcException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every failure under {@code /api/} as a problem detail: caller mistakes with their own status and a
 * message that names the field, our own bugs as a 500 without any internals. Runs before Boot's error handler
 * ({@code @Order(-1)}), which would answer in its own format.
 */
@Component
@Order(-2)
class ApiExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;

    ApiExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return Mono.error(failure);
        }
        return switch (failure) {
            case AdminException admin -> problems.write(exchange, admin.status(), admin.getMessage(), extra(admin));
            case WebExchangeBindException invalid -> invalid(exchange, invalid);
            case ServerWebInputException input ->
                problems.write(exchange, input.getStatusCode(), reason(input), Map.of());
            case ErrorResponse response ->
                problems.write(exchange, response.getStatusCode(), detail(response), Map.of());
            case DataIntegrityViolationException conflict -> conflict(exchange, conflict);
            default -> unstorableValue(failure) ? unstorable(exchange, failure) : unexpected(exchange, failure);
        };
    }

    private static Map<String, ?> extra(AdminException admin) {
        return admin.errors().isEmpty() ? Map.of() : Map.of("errors", admin.errors());
    }

    private Mono<Void> invalid(ServerWebExchange exchange, WebExchangeBindException invalid) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(ApiExceptionHandler::fieldError)
                .toList();
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "The request is invalid.", Map.of("errors", errors));
    }

    private Mono<Void> conflict(ServerWebExchange exchange, DataIntegrityViolationException conflict) {
        // The constraint name says which value clashed without echoing the database's message.
        log.debug("Integrity violation", conflict);
        return problems.write(exchange, HttpStatus.CONFLICT, "The request conflicts with existing data.", Map.of());
    }

    // SQLSTATE class 22 (data exception): the database refused a value the caller sent, such as a NUL character in
    // text or a date out of its range. One place for every endpoint, rather than a check per field that could miss one.
    private static boolean unstorableValue(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException database
                    && database.getSqlState() != null
                    && database.getSqlState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> unstorable(ServerWebExchange exchange, Throwable failure) {
        // The database's message may quote the value, so it goes to the debug log only.
        log.debug("Value refused by the database", failure);
        return problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "A value in the request cannot be stored: text must not contain NUL characters, and dates and numbers"
                        + " must be within range.",
                Map.of());
    }

    private Mono<Void> unexpected(ServerWebExchange exchange, Throwable failure) {
        log.error("Unexpected failure on {}", exchange.getRequest().getPath(), failure);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", Map.of());
    }

    private static Map<String, String> fieldError(FieldError error) {
        String message = error.getDefaultMessage();
        return Map.of("field", snakeCase(error.getField()), "message", message == null ? "is invalid" : message);
    }

    private static String reason(ServerWebInputException input) {
        // Decoding failures name the JSON problem but never echo values from the body.
        String reason = input.getReason();
        return reason == null ? "The request could not be read." : reason;
    }

    private static String detail(ErrorResponse response) {
        String detail = response.getBody().getDetail();
        return detail == null ? "The request could not be served." : detail;
    }

    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
