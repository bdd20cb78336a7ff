package dev.tollgate.gateway.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Usage events, bound from {@code tollgate.usage}.
 *
 * @param publishTimeout the longest an event's {@code XADD} may take before the event is spooled instead
 * @param spoolDirectory where events wait while Redis is unreachable ({@code TOLLGATE_USAGE_SPOOL_DIR}); {@code null}
 *     means {@code ${java.io.tmpdir}/tollgate-spool}. Give every gateway instance its own directory.
 * @param spoolMaxSize the spool's largest size; past it events are dropped, logged as errors and counted
 * @param spoolSyncEvery spooled events written before the file is forced to disk
 * @param spoolSyncInterval the longest a spooled event waits to be forced to disk
 * @param replayInterval how often spooled events are offered to Redis again
 * @param replayBatch spooled events re-sent per attempt at most
 */
@Validated
@ConfigurationProperties("tollgate.usage")
record UsageProperties(
        @DefaultValue("500ms") Duration publishTimeout,
        @Nullable Path spoolDirectory,
        @DefaultValue("256MB") DataSize spoolMaxSize,
        @DefaultValue("64") @Min(1) int spoolSyncEvery,
        @DefaultValue("200ms") Duration spoolSyncInterval,
        @DefaultValue("5s") Duration replayInterval,
        @DefaultValue("500") @Min(1) @Max(100_000) int replayBatch) {

    Path spool() {
        return spoolDirectory != null
                ? spoolDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "tollgate-spool");
    }
}
