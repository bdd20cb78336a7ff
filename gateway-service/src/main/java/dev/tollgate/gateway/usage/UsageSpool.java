package dev.tollgate.gateway.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where usage events wait while Redis is unreachable: an append-only file of one JSON object (the event's stream
 * fields) per line, bounded in size, forced to disk in batches. Replayed events are not cut out of the file: a
 * replayed-up-to offset, kept in a small side file, moves past them, and the file is emptied once everything in it
 * has been replayed. Every file operation runs on one thread of its own, so the event loop never waits on the disk
 * and appends, reads and truncation never interleave.
 */
@Component
class UsageSpool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsageSpool.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final UsageProperties properties;
    private final UsageMetrics metrics;
    private final Scheduler scheduler = Schedulers.newBoundedElastic(1, 100_000, "usage-spool");
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path file;
    private final Path offsetFile;
    private FileChannel channel; // spool thread only
    private int unsynced; // spool thread only
    private volatile long size;
    private volatile long replayedUpTo;

    UsageSpool(UsageProperties properties, UsageMetrics metrics) throws IOException {
        this.properties = properties;
        this.metrics = metrics;
        Files.createDirectories(properties.spool());
        this.file = properties.spool().resolve("usage-events.jsonl");
        this.offsetFile = properties.spool().resolve("usage-events.offset");
        this.channel = open();
        this.size = channel.size();
        this.replayedUpTo = readOffset();
        long interval = properties.spoolSyncInterval().toMillis();
        scheduler.schedulePeriodically(this::syncIfDirty, interval, interval, TimeUnit.MILLISECONDS);
        metrics.spoolSize(this::pendingBytes);
    }

    /** Appends one event; {@code false} when the spool is full and the event was dropped. */
    Mono<Boolean> append(Map<String, String> fields) {
        return Mono.fromCallable(() -> write(fields)).subscribeOn(scheduler);
    }

    /** Up to {@code max} of the oldest events not yet replayed. */
    Mono<Batch> oldest(int max) {
        return Mono.fromCallable(() -> read(max)).subscribeOn(scheduler);
    }

    /** Marks a batch as safely in Redis. */
    Mono<Void> replayed(Batch batch) {
        return Mono.<Void>fromRunnable(() -> advance(batch.endOffset())).subscribeOn(scheduler);
    }

    long pendingBytes() {
        return size - replayedUpTo;
    }

    /**
     * Events read from the spool.
     *
     * @param events the events' stream fields, oldest first
     * @param endOffset the file offset just after the last line read
     */
    record Batch(List<Map<String, String>> events, long endOffset) {}

    private boolean write(Map<String, String> fields) throws IOException {
        byte[] line = (json.writeValueAsString(fields) + "\n").getBytes(StandardCharsets.UTF_8);
        if (size + line.length > properties.spoolMaxSize().toBytes()) {
            log.error(
                    "USAGE EVENT DROPPED: the usage spool {} is full ({} bytes) and Redis is unreachable; event {}",
                    file,
                    size,
                    fields.get("event_id"));
            metrics.dropped();
            return false;
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += line.length;
        if (++unsynced >= properties.spoolSyncEvery()) {
            sync();
        }
        return true;
    }

    private Batch read(int max) throws IOException {
        sync();
        List<Map<String, String>> events = new ArrayList<>();
        long offset = replayedUpTo;
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - offset, 4 * 1024 * 1024));
            reader.read(buffer, offset);
            byte[] bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
            int start = 0;
            for (int i = 0; i < bytes.length && events.size() < max; i++) {
                if (bytes[i] == '\n') {
                    parse(new String(bytes, start, i - start, StandardCharsets.UTF_8), events);
                    start = i + 1;
                }
            }
            return new Batch(events, offset + start);
        }
    }

    // A line torn by a crash mid-write cannot be read back; it is skipped (and reported) rather than block the rest.
    private void parse(String line, List<Map<String, String>> events) {
        try {
            events.add(json.readValue(line, FIELDS));
        } catch (JacksonException torn) {
            log.error("skipping an unreadable line in the usage spool {}: {}", file, torn.getOriginalMessage());
        }
    }

    private void advance(long offset) {
        try {
            replayedUpTo = offset;
            if (replayedUpTo >= size) {
                channel.truncate(0);
                channel.force(true);
                size = 0;
                replayedUpTo = 0;
            }
            Files.writeString(
                    offsetFile,
                    Long.toString(replayedUpTo),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void syncIfDirty() {
        try {
            if (unsynced > 0) {
                sync();
            }
        } catch (IOException failure) {
            log.error("forcing the usage spool {} to disk failed", file, failure);
        }
    }

    private void sync() throws IOException {
        channel.force(false);
        unsynced = 0;
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private long readOffset() throws IOException {
        if (!Files.exists(offsetFile)) {
            return 0;
        }
        try {
            long offset = Long.parseLong(Files.readString(offsetFile).strip());
            return offset >= 0 && offset <= size ? offset : 0;
        } catch (NumberFormatException unreadable) {
            return 0; // replaying from the start only resends, and readers deduplicate by event_id
        }
    }

    @Override
    public void destroy() throws IOException {
        scheduler.dispose();
        channel.force(true);
        channel.close();
    }
}
