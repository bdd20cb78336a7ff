package dev.tollgate.gateway.usage;

import dev.tollgate.gateway.auth.Caller;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A request's usage identity, fixed once its key is authenticated: the event id it will be recorded under, when it
 * started, who sent it and how they labelled it.
 *
 * @param eventId the UUIDv7 of the request's one usage event
 * @param requestId the request's {@code x-request-id}
 * @param startedAt when the request started; prices in force then apply
 * @param startedNanos the same instant by {@link System#nanoTime()}, for latencies
 * @param tenantId the key's tenant
 * @param keyId the key's id
 * @param headerUser the {@code x-tollgate-user} header, bounded
 * @param tags the {@code x-tollgate-tag-*} headers, bounded
 * @param costCenter the tenant's cost center, {@code null} when it has none
 * @param settlement makes sure exactly one event is written, however the request ends
 */
public record UsageContext(
        String eventId,
        String requestId,
        Instant startedAt,
        long startedNanos,
        String tenantId,
        String keyId,
        @Nullable String headerUser,
        Map<String, String> tags,
        @Nullable String costCenter,
        Settlement settlement) {

    /** The context of a request whose key was just accepted. */
    public static UsageContext of(Caller caller, String requestId, HttpHeaders headers) {
        Instant now = Instant.now();
        return new UsageContext(
                UuidV7.at(now.toEpochMilli()).toString(),
                requestId,
                now,
                System.nanoTime(),
                caller.key().tenantId(),
                caller.key().keyId(),
                UsageTags.endUser(headers),
                UsageTags.of(headers),
                caller.tenant().costCenter(),
                new Settlement());
    }

    /** The request once its body is read. */
    public MeteredCall read(@Nullable String model, @Nullable String user, boolean stream) {
        return read(model, user, stream, null);
    }

    /** The request once its body is read and, when it named a prompt template, rendered from {@code template}. */
    public MeteredCall read(
            @Nullable String model, @Nullable String user, boolean stream, @Nullable TemplateUse template) {
        String endUser = UsageTags.bounded(user);
        return new MeteredCall(
                this,
                model,
                endUser != null ? endUser : headerUser,
                stream,
                null,
                0,
                UsageHold.NONE,
                template,
                java.util.List.of(),
                null,
                new GuardrailTrail());
    }

    /** The request when its body could not be read. */
    public MeteredCall unread() {
        return read(null, null, false);
    }

    /**
     * The once-only latch of a request's event. Success, failure and cancellation race (a client may go away while
     * the success event is being written); whichever claims the latch first writes the one event.
     */
    public static final class Settlement {

        private final AtomicBoolean settled = new AtomicBoolean();

        boolean claim() {
            return settled.compareAndSet(false, true);
        }
    }
}
