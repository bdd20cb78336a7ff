package dev.tollgate.admin.report;

import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Exceptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Words a failed call to the usage service for the person looking at the report page. */
final class UsageFailures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UsageFailures() {}

    static String describe(Throwable failures) {
        Throwable failure = Exceptions.unwrapMultiple(failures).get(0);
        if (failure instanceof WebClientResponseException refused) {
            return refusal(refused);
        }
        if (failure instanceof TimeoutException) {
            return "The usage service did not answer in time. Try again in a minute.";
        }
        if (failure instanceof WebClientRequestException) {
            return "The usage service is unavailable right now, so no usage can be shown. Try again in a minute.";
        }
        return "Reading usage failed: " + failure.getClass().getSimpleName() + ".";
    }

    private static String refusal(WebClientResponseException refused) {
        HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            return "The usage service refused this report ("
                    + refused.getStatusCode().value() + "): " + detail(refused, "you may not see this usage.");
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return "The usage service refused this report: " + detail(refused, "the request was invalid.");
        }
        return "The usage service failed (" + refused.getStatusCode().value() + "). Try again in a minute.";
    }

    /** The problem+json {@code detail}, or {@code otherwise} when the body has none. */
    private static String detail(WebClientResponseException refused, String otherwise) {
        try {
            JsonNode detail = JSON.readTree(refused.getResponseBodyAsString()).path("detail");
            return detail.isString() && !detail.asString().isBlank() ? detail.asString() : otherwise;
        } catch (RuntimeException notJson) {
            return otherwise;
        }
    }
}
