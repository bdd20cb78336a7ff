package dev.tollgate.admin.system;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Error details for console pages, rendered by Boot's error handler through {@code templates/error.html}. An
 * {@link AdminException} keeps its own status and message (written for the user, never internals); anything else
 * keeps Boot's status with a generic message. Stack traces are never included.
 */
@Component
class ConsoleErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        Throwable error = getError(request);
        if (error instanceof AdminException admin) {
            attributes.put("status", admin.status().value());
            attributes.put("error", admin.status().getReasonPhrase());
            attributes.put("detail", admin.getMessage());
        } else {
            attributes.put("detail", generic((Integer) attributes.get("status")));
        }
        return attributes;
    }

    private static String generic(@Nullable Integer status) {
        HttpStatus known = HttpStatus.resolve(status == null ? 500 : status);
        if (known == HttpStatus.NOT_FOUND) {
            return "There is nothing at this address.";
        }
        if (known == HttpStatus.FORBIDDEN) {
            return "Your role does not allow this.";
        }
        if (known != null && known.is4xxClientError()) {
            return "The request could not be understood.";
        }
        return "Something went wrong on our side. It has been logged; please try again.";
    }
}
