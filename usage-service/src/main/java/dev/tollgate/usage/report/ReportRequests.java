package dev.tollgate.usage.report;

import dev.tollgate.usage.access.Caller;
import dev.tollgate.usage.problem.UsageException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every report endpoint reads from its request, and how it streams its answer. */
final class ReportRequests {

    // Pieces of text per written buffer: large enough to keep writes few, small enough to keep memory flat.
    private static final int PIECES_PER_BUFFER = 256;

    private ReportRequests() {}

    /** The period, and the tenant narrowed to what {@code caller} may see. */
    static ReportScope scope(ServerRequest request, Caller caller, Clock clock) {
        ReportPeriod period = ReportPeriod.parse(
                request.queryParam("from"), request.queryParam("to"), request.queryParam("timezone"), clock);
        String tenant = caller.reportTenant(tenant(request.queryParam("tenant").orElse(null)));
        return new ReportScope(period, tenant == null ? null : UUID.fromString(tenant));
    }

    /** {@code totals=true|false}: whether a CSV ends with a {@code TOTAL} row; false when absent. */
    static boolean totals(ServerRequest request) {
        return switch (request.queryParam("totals").orElse("false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw UsageException.badParameter("totals", "totals must be true or false");
        };
    }

    /** {@code limit}: a count from 1 to {@code max}; {@code otherwise} when absent. */
    static int limit(ServerRequest request, int otherwise, int max) {
        String value = request.queryParam("limit").orElse(String.valueOf(otherwise));
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw UsageException.badParameter("limit", "limit must be a whole number from 1 to " + max);
    }

    static ReportFormat format(ServerRequest request) {
        return ReportFormat.of(request.queryParam("format"), request.headers().accept());
    }

    /** Streams {@code text} as it is produced, as a download when it is CSV. */
    static Mono<ServerResponse> stream(ReportFormat format, String name, ReportPeriod period, Flux<String> text) {
        ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(format.mediaType());
        if (format == ReportFormat.CSV) {
            String file = "%s_%s_%s.csv".formatted(name, period.from(), period.to());
            response.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file).build().toString());
        }
        return response.body(BodyInserters.fromDataBuffers(encode(text)));
    }

    private static Flux<DataBuffer> encode(Flux<String> text) {
        return text.buffer(PIECES_PER_BUFFER)
                .map(pieces -> DefaultDataBufferFactory.sharedInstance.wrap(
                        String.join("", pieces).getBytes(StandardCharsets.UTF_8)));
    }

    private static @Nullable String tenant(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException malformed) {
            throw UsageException.badParameter("tenant", "tenant must be a tenant id (a UUID)");
        }
    }
}
